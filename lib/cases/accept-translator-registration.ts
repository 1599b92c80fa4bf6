import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { registerSwornTranslator } from "@/lib/registry/register-sworn-translator";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { transition } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { dbOf, type TDbOptions } from "./db-options";
import { deliverNotification } from "./deliver-notification";
import { registrationLanguages, ZAcceptedTranslatorRegistration } from "./forms/translator-registration-form";
import { notifyApplicant } from "./notify-applicant";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { grantTranslatorRole } from "./grant-translator-role";

export type TAcceptTranslatorRegistrationInput = {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  ip: string | null;
  now?: Date;
  db?: PrismaClient;
};

// D.4 "Aceptar y registrar" (the central manager): MANAGER_REVIEW → REGISTERED through the workflow
// engine (role, state, version), and in the same transaction the translator's entry in the sworn
// translators' registry (created, or updated when that DIDEDUC registration number is already
// there without another owner), an audit event of the registry change, and the mail telling the
// translator, delivered after the commit. A number that belongs to another translator refuses the
// acceptance with the reason, and nothing changes.
export async function acceptTranslatorRegistration(
  input: TAcceptTranslatorRegistrationInput,
  options: TDbOptions = {},
): Promise<{ version: number; state: CaseState; translatorId: string }> {
  const db = await dbOf(options, input);
  let outboxId: string | null = null;
  let translatorId = "";
  const updated = await transition(input.caseId, "accept", input.actor, {}, input.expectedVersion, {
    db,
    ip: input.ip,
    now: input.now,
    apply: async (tx, caseRow, ctx) => {
      if (caseRow.procedure !== "TRANSLATOR_REGISTRATION") throw new TransitionError("INVALID_STATE", "Esta solicitud no es un registro de traductor jurado.");
      const parsed = ZAcceptedTranslatorRegistration.safeParse(caseRow.formData);
      if (!parsed.success) {
        throw new TransitionError("INVALID_INPUT", "Los datos de esta solicitud están incompletos: no se puede registrar. Rechácela indicando lo que falta.");
      }
      const form = parsed.data;
      const result = await registerSwornTranslator(tx, {
        userId: caseRow.applicantId,
        name: form.name,
        // "Forma de trato": how the sheets will name the translator (issue #12, point 4).
        gender: form.gender ?? null,
        languages: registrationLanguages(form),
        appointmentResolution: form.appointmentResolution,
        dideducId: form.dideducId,
        dideducRegistrationNumber: form.dideducRegistrationNumber,
        registrationCaseId: caseRow.id,
        now: ctx.now,
      });
      if (!result.ok) throw new TransitionError("INVALID_INPUT", result.message);
      const { entry } = result;
      translatorId = entry.id;
      const dideduc = await tx.dideduc.findUniqueOrThrow({ where: { id: entry.dideducId }, select: { name: true } });
      await grantTranslatorRole(tx, { userId: caseRow.applicantId, caseId: caseRow.id, caseNumber: caseRow.number, actorId: input.actor.id, role: ctx.authority.role, ip: input.ip, now: ctx.now });
      // A registry change like the administration's (caseId null, so the case's own history shows
      // the acceptance once); the case it came from is in its data.
      await appendAuditEvent(tx, {
        data: {
          caseId: null,
          actorId: input.actor.id,
          role: ctx.authority.role,
          action: result.created ? "admin.register_translator" : "admin.update_translator",
          data: {
            caseId: caseRow.id,
            caseNumber: caseRow.number,
            translatorId: entry.id,
            name: entry.name,
            gender: entry.gender,
            dideducId: entry.dideducId,
            dideducRegistrationNumber: entry.dideducRegistrationNumber,
            languages: entry.languages,
            appointmentResolution: entry.appointmentResolution,
          },
          ip: input.ip,
          createdAt: ctx.now,
        },
      });
      outboxId = await notifyApplicant(
        tx,
        caseRow,
        {
          type: "translator_registered",
          entry: {
            name: entry.name,
            gender: entry.gender,
            dideducRegistrationNumber: entry.dideducRegistrationNumber,
            dideducName: dideduc.name,
            languages: entry.languages,
            appointmentResolution: entry.appointmentResolution,
          },
        },
        { now: ctx.now },
      );
    },
  });
  await deliverNotification(db, outboxId);
  return { version: updated.version, state: updated.state, translatorId };
}
