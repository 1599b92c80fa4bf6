import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { assertAdmin, invalidInput, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { ZDideducFields } from "./directory-fields";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZUpdateDideduc = ZDideducFields.extend({ dideducId: z.string().trim().min(1).max(100) });
export type TUpdateDideduc = z.input<typeof ZUpdateDideduc>;

// Editing a DIDEDUC replaces the seed's demonstration data, so the "dato de demostración" mark goes.
export async function updateDideduc(actor: TAdminActor, input: TUpdateDideduc, options: TAdminOptions = {}): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const { dideducId, ...fields } = parseOrThrow(ZUpdateDideduc, input);
  return db.$transaction(async (tx) => {
    const row = await tx.dideduc.findUnique({ where: { id: dideducId } });
    if (!row) throw new DomainError("NOT_FOUND", "La Dirección Departamental no existe.");
    const clash = await tx.dideduc.findFirst({ where: { name: fields.name, NOT: { id: dideducId } }, select: { id: true } });
    if (clash) throw invalidInput({ name: ["Ya hay otra Dirección Departamental con ese nombre."] });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) if (row[key] !== fields[key]) changes[key] = { from: row[key], to: fields[key] };
    await tx.dideduc.update({ where: { id: dideducId }, data: { ...fields, isPlaceholder: false } });
    await appendAuditEvent(tx, { data: { caseId: null, actorId: actor.id, role: "ADMIN", action: "admin.update_dideduc", ip, data: { dideducId, changes } as object } });
    return { id: dideducId };
  });
}
