import "server-only";
import { z } from "zod";
import { assertAdmin, invalidInput, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "@/lib/admin/admin-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { isServiceLevelStage } from "./service-level-stages";

// Up to a year of business days: a larger number is a typing mistake, not a target.
export const MAX_TARGET_DAYS = 250;

// An empty field removes the target (the stage then shows no "Vencida"/"Por vencer").
export const ZSaveServiceLevelTarget = z.object({
  procedure: z.enum(Procedure),
  state: z.enum(CaseState),
  businessDays: z
    .string()
    .trim()
    .max(10)
    .refine((v) => v === "" || /^\d+$/.test(v), "Escriba un número entero de días hábiles, o déjelo vacío para no tener plazo.")
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || (v >= 1 && v <= MAX_TARGET_DAYS), `El plazo va de 1 a ${MAX_TARGET_DAYS} días hábiles.`),
});
export type TSaveServiceLevelTarget = z.input<typeof ZSaveServiceLevelTarget>;

// Sets (or clears) the target of one stage of one procedure, audited with the old and new value.
export async function saveServiceLevelTarget(actor: TAdminActor, input: TSaveServiceLevelTarget, options: TAdminOptions = {}): Promise<{ businessDays: number | null }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const { procedure, state, businessDays } = parseOrThrow(ZSaveServiceLevelTarget, input);
  if (!isServiceLevelStage(procedure, state)) throw invalidInput({ businessDays: ["Esa etapa no espera al personal: no lleva plazo."] });
  return db.$transaction(async (tx) => {
    const before = await tx.serviceLevelTarget.findUnique({ where: { procedure_state: { procedure, state } } });
    const from = before?.businessDays ?? null;
    if (from === businessDays) return { businessDays };
    if (businessDays === null) await tx.serviceLevelTarget.delete({ where: { procedure_state: { procedure, state } } });
    else await tx.serviceLevelTarget.upsert({ where: { procedure_state: { procedure, state } }, create: { procedure, state, businessDays }, update: { businessDays } });
    await appendAuditEvent(tx, {
      data: { actorId: actor.id, role: "ADMIN", action: "admin.set_service_level", ip, data: { procedure, state, businessDays: { from, to: businessDays } } },
    });
    return { businessDays };
  });
}
