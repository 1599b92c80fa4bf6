import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { assertAdmin, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZRemoveSupervisionOffice = z.object({ officeId: z.string().trim().min(1).max(100) });

// Hidden rather than deleted: rejections already sent keep their own copy of the office's data,
// and the audit trail keeps pointing at a row that exists.
export async function removeSupervisionOffice(actor: TAdminActor, input: z.input<typeof ZRemoveSupervisionOffice>, options: TAdminOptions = {}): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const { officeId } = parseOrThrow(ZRemoveSupervisionOffice, input);
  return db.$transaction(async (tx) => {
    const office = await tx.supervisionOffice.findUnique({ where: { id: officeId } });
    if (!office || !office.active) throw new DomainError("NOT_FOUND", "La supervisión no existe o ya fue quitada.");
    await tx.supervisionOffice.update({ where: { id: officeId }, data: { active: false } });
    await appendAuditEvent(tx, { data: { caseId: null, actorId: actor.id, role: "ADMIN", action: "admin.remove_supervision", ip, data: { dideducId: office.dideducId, officeId, name: office.name } } });
    return { id: officeId };
  });
}
