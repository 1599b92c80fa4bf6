import "server-only";
import { z } from "zod";
import { assertAdmin, invalidInput, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "@/lib/admin/admin-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZAddHoliday = z.object({
  date: z
    .string()
    .trim()
    .refine((v) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Elija una fecha válida."),
  name: z.string().trim().min(1, "Escriba el nombre del asueto.").max(120, "El nombre admite hasta 120 caracteres."),
  // A checkbox: "on" when ticked, absent otherwise.
  halfDay: z
    .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
    .optional()
    .transform((v) => v === "on" || v === "true" || v === true),
});
export type TAddHoliday = z.input<typeof ZAddHoliday>;

// A day the offices close, Monday to Friday or not (a weekend date changes nothing but is kept as
// typed, so the table reads like the official list). Audited.
export async function addHoliday(actor: TAdminActor, input: TAddHoliday, options: TAdminOptions = {}): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const { date, name, halfDay } = parseOrThrow(ZAddHoliday, input);
  return db.$transaction(async (tx) => {
    const day = new Date(`${date}T00:00:00Z`);
    const clash = await tx.holiday.findUnique({ where: { date: day }, select: { name: true } });
    if (clash) throw invalidInput({ date: [`Esa fecha ya está en la lista (${clash.name}).`] });
    const row = await tx.holiday.create({ data: { date: day, name, halfDay }, select: { id: true } });
    await appendAuditEvent(tx, { data: { actorId: actor.id, role: "ADMIN", action: "admin.add_holiday", ip, data: { holidayId: row.id, date, name, halfDay } } });
    return row;
  });
}
