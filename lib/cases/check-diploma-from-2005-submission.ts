import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFieldErrors } from "@/lib/errors";
import { normalizeDiplomaNumber } from "@/lib/registry/diploma-number";
import { readDiplomaRecordForHolder } from "@/lib/registry/find-diploma-by-number";
import { holderProofOf } from "@/lib/registry/match-diploma-holder";
import { parseDiplomaFrom2005Draft, TITLE_BACK_MISSING_D22, TITLE_SCAN_MISSING_D22 } from "./forms/diploma-from-2005-form";
import { caseSearchTerms, studentNamesOf } from "./case-search-terms";
import { toDiplomaRegistryView } from "./to-diploma-registry-view";

// Also when the number is there but the CUI or birth date saved is not the holder's: the same words,
// which never tell that someone else's title has that number.
export const NO_LONGER_IN_REGISTRY = (number: string) =>
  `El registro de títulos del Ministerio de Educación no tiene el título número ${number} con el CUI o la fecha de nacimiento de la persona graduada que escribió, así que la solicitud no se puede enviar por este trámite. Revise el número y esos datos, o solicite la certificación como título anterior a 2005.`;

// The registry record as it was when the citizen (re)submitted: the central review warns when the
// registry has changed or lost it since.
export type TDiplomaRegistrySnapshot = ReturnType<typeof toDiplomaRegistryView> & { signedBy: string; checkedAt: string };

// D.2.2's checks inside the submission's transaction (lib/cases/procedure-forms): the number is
// still in the title registry for the graduate's CUI or birth date typed (it may have been removed
// or corrected since the citizen looked it up, and a draft may carry a number never looked up), the title is not one signed by a regional director or a minister (ATE-INS-04), and the
// title is attached with both sides (two pages or more among its scans). When everything passes it
// records, in the same transaction, the registry row as seen at submission (formData
// `registryAtSubmission`; a draft can never set it: parseDraft drops it), and the graduate's name
// as the registry has it (`student.fullName`, decision 0027): whatever names the draft carries
// are dropped, never trusted, and the queue's search words follow the registry's name.
export async function checkDiplomaFrom2005Submission(
  tx: Prisma.TransactionClient,
  caseRow: { id: string; formData: unknown; applicantId: string },
  now: Date,
): Promise<TFieldErrors> {
  const draft = parseDiplomaFrom2005Draft(caseRow.formData);
  const number = normalizeDiplomaNumber(draft.registrationNumber ?? "");
  const errors: TFieldErrors = {};
  const record = number ? await readDiplomaRecordForHolder(tx, number, holderProofOf(draft.student)) : null;
  if (!number || !record) errors.registrationNumber = [NO_LONGER_IN_REGISTRY(number ?? draft.registrationNumber ?? "")];
  else if (record.otherProcedure) errors.registrationNumber = [record.otherProcedure.message];

  const files = await tx.uploadedFile.findMany({ where: { caseId: caseRow.id }, select: { kind: true, pages: true } });
  const titlePages = files.filter((f) => f.kind === "SCAN").reduce((sum, f) => sum + f.pages, 0);
  if (titlePages === 0) errors.files = [TITLE_SCAN_MISSING_D22];
  else if (titlePages < 2) errors.files = [TITLE_BACK_MISSING_D22];

  if (Object.keys(errors).length > 0 || !record) return errors;
  const snapshot: TDiplomaRegistrySnapshot = { ...toDiplomaRegistryView(record), signedBy: record.signedBy, checkedAt: now.toISOString() };
  const student = Object.fromEntries(
    Object.entries({ ...draft.student, fullName: record.holderName }).filter(([key, value]) => key !== "firstNames" && key !== "lastNames" && value !== undefined),
  );
  const formData = { ...draft, student, registryAtSubmission: snapshot };
  const applicant = await tx.user.findUnique({ where: { id: caseRow.applicantId }, select: { name: true } });
  await tx.case.update({
    where: { id: caseRow.id },
    // The search words as every other writer of formData computes them (save-case-draft.ts).
    data: { formData: formData as Prisma.InputJsonValue, searchTerms: caseSearchTerms(applicant?.name, ...studentNamesOf(formData)) },
  });
  return {};
}
