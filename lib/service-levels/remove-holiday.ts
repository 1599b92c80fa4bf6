import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { assertAdmin, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "@/lib/admin/admin-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZRemoveHoliday = z.object({ holidayId: z.string().trim().min(1).max(100) });

// Removes a day off; its date and name stay in the audit event.
export async function removeHoliday(actor: TAdminActor, input: z.input<typeof ZRemoveHoliday>, options: TAdminOptions = {}): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const { holidayId } = parseOrThrow(ZRemoveHoliday, input);
  return db.$transaction(async (tx) => {
    const row = await tx.holiday.findUnique({ where: { id: holidayId } });
    if (!row) throw new DomainError("NOT_FOUND", "Ese asueto ya no está en la lista.");
    await tx.holiday.delete({ where: { id: holidayId } });
    const date = row.date.toISOString().slice(0, 10);
    await appendAuditEvent(tx, { data: { actorId: actor.id, role: "ADMIN", action: "admin.remove_holiday", ip, data: { holidayId, date, name: row.name, halfDay: row.halfDay } } });
    return { id: holidayId };
  });
}
