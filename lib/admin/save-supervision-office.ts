import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { assertAdmin, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { ZSupervisionFields } from "./directory-fields";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZSaveSupervisionOffice = ZSupervisionFields.extend({
  dideducId: z.string().trim().min(1).max(100),
  // Absent: a new office.
  officeId: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(100).optional()),
});
export type TSaveSupervisionOffice = z.input<typeof ZSaveSupervisionOffice>;

// Adds or edits a Supervisión Educativa: the reviewer's "rechazar e indicar dónde acudir" picks from these.
export async function saveSupervisionOffice(actor: TAdminActor, input: TSaveSupervisionOffice, options: TAdminOptions = {}): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const { dideducId, officeId, ...fields } = parseOrThrow(ZSaveSupervisionOffice, input);
  return db.$transaction(async (tx) => {
    if (!(await tx.dideduc.findUnique({ where: { id: dideducId }, select: { id: true } }))) throw new DomainError("NOT_FOUND", "La Dirección Departamental no existe.");
    if (officeId) {
      const office = await tx.supervisionOffice.findFirst({ where: { id: officeId, dideducId, active: true } });
      if (!office) throw new DomainError("NOT_FOUND", "La supervisión no existe o fue quitada.");
      // Saved by an administrator: real data now, so the seed's "dato de demostración" mark goes.
      await tx.supervisionOffice.update({ where: { id: officeId }, data: { ...fields, isPlaceholder: false } });
      await appendAuditEvent(tx, {
        data: { caseId: null, actorId: actor.id, role: "ADMIN", action: "admin.update_supervision", ip, data: { dideducId, officeId, before: { name: office.name, phone: office.phone, address: office.address }, after: fields } },
      });
      return { id: officeId };
    }
    const created = await tx.supervisionOffice.create({ data: { dideducId, ...fields }, select: { id: true } });
    await appendAuditEvent(tx, { data: { caseId: null, actorId: actor.id, role: "ADMIN", action: "admin.create_supervision", ip, data: { dideducId, officeId: created.id, ...fields } } });
    return created;
  });
}
