import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { assertAdmin, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { endOutdatedAuthority } from "./end-outdated-authority";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZSetStaffAccountActive = z.object({
  userId: z.string().trim().min(1).max(100),
  active: z.boolean(),
  reason: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(500, { error: "El motivo no puede tener más de 500 caracteres." }).optional()),
});
export type TSetStaffAccountActive = z.input<typeof ZSetStaffAccountActive>;

export const SELF_DEACTIVATION_MESSAGE = "No puede desactivar su propia cuenta.";

// An inactive account cannot sign in (authenticateCredentials) and its open session ends on the
// next request (findSessionUser returns null; its sessionVersion is bumped too, so a session from
// before never comes back with a reactivation). Deactivating also revokes the delegations it holds
// or granted and ends its entries in the registry of authorized signers, in the same transaction
// (endOutdatedAuthority). The account and its history stay.
export async function setStaffAccountActive(actor: TAdminActor, input: TSetStaffAccountActive, options: TAdminOptions = {}): Promise<{ active: boolean }> {
  assertAdmin(actor);
  const { db, now, ip } = await resolveAdminDeps(options);
  const data = parseOrThrow(ZSetStaffAccountActive, input);
  if (data.userId === actor.id && !data.active) throw new DomainError("SELF_DEACTIVATION", SELF_DEACTIVATION_MESSAGE);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, email: true, name: true, roles: true, dideducId: true } });
    if (!user) throw new DomainError("NOT_FOUND", "La cuenta no existe.");
    // Conditional: two clicks at once record one change.
    const changed = await tx.user.updateMany({ where: { id: user.id, active: !data.active }, data: { active: data.active } });
    if (changed.count === 0) throw new DomainError("NO_CHANGE", data.active ? `La cuenta de ${user.name} ya está activa.` : `La cuenta de ${user.name} ya está desactivada.`);
    const standing = { roles: user.roles, dideducId: user.dideducId };
    const ended = await endOutdatedAuthority(tx, { actorId: actor.id, userId: user.id, before: { ...standing, active: !data.active }, after: { ...standing, active: data.active }, now, ip });
    await appendAuditEvent(tx, {
      data: {
        caseId: null,
        actorId: actor.id,
        role: "ADMIN",
        action: data.active ? "admin.reactivate_account" : "admin.deactivate_account",
        note: data.reason ?? null,
        ip,
        data: { userId: user.id, email: user.email, active: data.active, ended },
      },
    });
    return { active: data.active };
  });
}
