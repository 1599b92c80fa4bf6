import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFieldErrors } from "@/lib/errors";
import { findRegistrationNumberHolder } from "@/lib/registry/register-sworn-translator";
import { normalizeRegistrationNumber, RESOLUTION_MISSING } from "./forms/translator-registration-form";

// D.4's checks that read the database, inside the submission's transaction (lib/cases/procedure-forms):
// the DIDEDUC exists, the resolution is attached, no other registration of the same translator is
// under review, and the registration number is not another translator's in the registry (the
// manager could not accept it; better to say so now).
export async function checkTranslatorRegistration(
  tx: Prisma.TransactionClient,
  caseRow: { id: string; formData: unknown; applicantId?: string },
): Promise<TFieldErrors> {
  const form = (caseRow.formData ?? {}) as { dideducId?: unknown; dideducRegistrationNumber?: unknown };
  const errors: TFieldErrors = {};
  const resolutions = await tx.uploadedFile.count({ where: { caseId: caseRow.id, kind: "APPOINTMENT_RESOLUTION" } });
  if (resolutions === 0) errors.files = [RESOLUTION_MISSING];

  const dideducId = typeof form.dideducId === "string" ? form.dideducId : "";
  const dideduc = dideducId ? await tx.dideduc.findUnique({ where: { id: dideducId }, select: { id: true } }) : null;
  if (!dideduc) {
    errors.dideducId = ["Seleccione la Dirección Departamental de Educación que registró su nombramiento."];
    return errors;
  }
  const number = typeof form.dideducRegistrationNumber === "string" ? normalizeRegistrationNumber(form.dideducRegistrationNumber) : "";
  const applicantId =
    caseRow.applicantId ?? (await tx.case.findUniqueOrThrow({ where: { id: caseRow.id }, select: { applicantId: true } })).applicantId;
  const pending = await tx.case.findFirst({
    where: { applicantId, procedure: "TRANSLATOR_REGISTRATION", state: "MANAGER_REVIEW", id: { not: caseRow.id } },
    select: { number: true },
  });
  if (pending) {
    errors._form = [`Ya tiene una solicitud de registro en revisión (${pending.number}). Espere su resultado antes de enviar otra.`];
  }
  if (number) {
    const holder = await findRegistrationNumberHolder(tx, { dideducId: dideduc.id, dideducRegistrationNumber: number, userId: applicantId });
    if (holder) {
      errors.dideducRegistrationNumber = [
        `El número de registro ${number} de esa Dirección Departamental ya consta en el registro de traductores jurados a nombre de otra persona. Revise el número en su resolución o acuerdo.`,
      ];
    }
  }
  return errors;
}
