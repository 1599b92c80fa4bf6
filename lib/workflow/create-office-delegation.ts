import "server-only";
import { z } from "zod";
import type { Delegation } from "@/lib/generated/prisma/client";
import { DIDEDUC_SIGNER_WHO } from "@/lib/registry/dideduc-signer-posts";
import { zodFieldErrors, type TWorkflowActor } from "./check-transition";
import { createDelegation, type TDelegationOptions } from "./create-delegation";
import { DELEGABLE_ROLES, delegationRangeFromCalendarDates, guatemalaCalendarDate, isCalendarDate } from "./delegation-calendar";
import { DelegationError } from "./delegation-error";
import type { TFieldErrors } from "./types";

const calendarDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isCalendarDate, { error: "Escriba una fecha válida (día, mes y año)." });

// The Director's form at /direccion/delegaciones: calendar days in Guatemala (both included), the
// delegated activity (review only, docs/decisions/0015) and the reason, which the procedure asks
// for implicitly: a delegation is for "situaciones excepcionales que por necesidad de la
// Departamental" keep the Departamento Técnico Pedagógico from doing the review.
export const ZOfficeDelegationForm = z.object({
  delegateId: z.string({ error: "Seleccione a quién delega." }).trim().min(1, { error: "Seleccione a quién delega." }).max(100),
  role: z.enum(DELEGABLE_ROLES, {
    error: "Solo puede delegar la revisión técnica: la firma es personal y se notifica en el registro de firmantes.",
  }),
  validFrom: calendarDate("Indique desde qué día."),
  validTo: calendarDate("Indique hasta qué día."),
  note: z
    .string({ error: "Indique el motivo de la delegación." })
    .trim()
    .min(1, { error: "Indique el motivo de la delegación." })
    .max(500, { error: "El motivo no puede tener más de 500 caracteres." }),
});
export type TOfficeDelegationForm = z.input<typeof ZOfficeDelegationForm>;
// What a form posts: strings, any of them possibly wrong (an edited page may send another role).
export type TOfficeDelegationFormData = Partial<Record<keyof TOfficeDelegationForm, string>>;

// "El Director podrá delegar a quien considere oportuno" (Nota 2 and 3 of D.1.1 and D.2.1), from
// /direccion: the Director's own form, read in Guatemala's calendar, then the one domain operation
// (createDelegation), which checks the grantor, the delegate's office and account, overlaps and
// the maximum length, and writes the delegation with its audit event in one transaction.
export async function createOfficeDelegation(
  actor: TWorkflowActor,
  rawInput: TOfficeDelegationFormData,
  options: TDelegationOptions = {},
): Promise<Delegation> {
  // Who first: a caller without the Director's role learns nothing from validation messages.
  if (!actor.roles.includes("DIDEDUC_SIGNER") || !actor.dideducId) {
    throw new DelegationError("FORBIDDEN", `Solo ${DIDEDUC_SIGNER_WHO} puede delegar la revisión.`);
  }
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const parsed = ZOfficeDelegationForm.safeParse(rawInput);
  // Every field's error at once, the dates' order and today's limit included (a zod refinement on
  // the whole object would wait until the other fields are right).
  const fieldErrors: TFieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const from = typeof rawInput.validFrom === "string" ? rawInput.validFrom.trim() : "";
  const to = typeof rawInput.validTo === "string" ? rawInput.validTo.trim() : "";
  // A delegation the Director grants now starts today at the earliest: a range already running
  // would make earlier actions look authorized after the fact. (The administration, recording a
  // delegation on the Director's behalf for support, is not held to this.)
  if (isCalendarDate(from) && from < guatemalaCalendarDate(now)) (fieldErrors.validFrom ??= []).push("La fecha inicial no puede ser anterior a hoy.");
  if (isCalendarDate(from) && isCalendarDate(to) && to < from) (fieldErrors.validTo ??= []).push("La fecha final no puede ser anterior a la inicial.");
  if (!parsed.success || Object.keys(fieldErrors).length > 0) throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", fieldErrors);
  const input = parsed.data;

  // Someone who already reviews with their own role gains nothing from a delegation: an error
  // here, rather than a record that changes nothing.
  const delegate = await db.user.findUnique({ where: { id: input.delegateId }, select: { roles: true, dideducId: true } });
  if (delegate && delegate.dideducId === actor.dideducId && delegate.roles.includes("DIDEDUC_REVIEWER")) {
    throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", {
      delegateId: ["Esa persona ya revisa expedientes con su propio rol del Departamento Técnico Pedagógico."],
    });
  }
  const { validFrom, validTo } = delegationRangeFromCalendarDates(input.validFrom, input.validTo);
  return createDelegation(actor, { delegateId: input.delegateId, validFrom, validTo, note: input.note }, { db, now, ip: options.ip });
}
