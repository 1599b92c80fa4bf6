import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { FileKind, Procedure } from "@/lib/generated/prisma/enums";
import type { TFieldErrors } from "@/lib/errors";
import { educationalRecordErrors, ZEducationalRecordDraft } from "./forms/educational-record-form";
import { DIPLOMA_BEFORE_2005_FILE_KINDS, DIPLOMA_BEFORE_2005_WRONG_KIND, diplomaBefore2005Errors, parseDiplomaBefore2005Draft } from "./forms/diploma-before-2005-form";
import { checkEducationalRecordFiles } from "./check-educational-record-files";
import { checkDiplomaBefore2005Files, TITLE_SCAN_MISSING } from "./check-diploma-before-2005-files";
import { checkDiplomaRegistryMiss } from "./check-diploma-registry-miss";
import { diplomaFrom2005Errors, parseDiplomaFrom2005Draft, TITLE_SCAN_MISSING_D22 } from "./forms/diploma-from-2005-form";
import { checkDiplomaFrom2005Submission } from "./check-diploma-from-2005-submission";
import { checkDiplomaFrom2005Upload } from "./check-diploma-from-2005-upload";
import { keepDiplomaRegistryName } from "./keep-diploma-registry-name";
import { ARCHIVE_RECORD_MAX_FILES, graduationRecordErrors, ZGraduationRecordDraft } from "./forms/graduation-record-form";
import { checkArchiveRecordUpload } from "./check-archive-record-upload";
import { ARCHIVE_RECORD_MISSING, checkGraduationRecordFiles } from "./check-graduation-record-files";
import { RESOLUTION_MISSING, translatorRegistrationErrors, ZTranslatorRegistrationDraft } from "./forms/translator-registration-form";
import { checkTranslatorRegistration } from "./check-translator-registration";
import { swornTranslationErrors, TRANSLATION_MISSING, ZSwornTranslationDraft } from "./forms/sworn-translation-form";
import { checkSwornTranslation } from "./check-sworn-translation";

// What each procedure's citizen form is, for the operations every procedure shares (saveCaseDraft,
// submitCase). A procedure is requestable online once it has an entry here; its schemas live in
// `forms/<procedure>-form.ts` (client-safe, the editor reads their labels).
export type TProcedureForm = {
  // Lenient: a draft may be incomplete, but never of another shape or size. Must not throw.
  parseDraft(formData: unknown): Prisma.InputJsonValue;
  // What a save of an existing case keeps of its stored form data that only the server writes and
  // parseDraft therefore drops (D.2.2: the registry's name written at submission), given the parsed
  // draft and what is stored now. Optional.
  keepOnSave?(draft: Prisma.InputJsonValue, stored: unknown): Prisma.InputJsonValue;
  // Every message of the strict schema at once, keyed by field path ("student.firstNames").
  submitErrors(formData: unknown, now: Date): TFieldErrors;
  // Checks that read the database (a registry lookup, the uploaded files), run inside the
  // submission's transaction after submitErrors passed. Optional.
  checkSubmission?(tx: Prisma.TransactionClient, caseRow: { id: string; formData: unknown; dideducId: string | null; applicantId: string }, now: Date): Promise<TFieldErrors>;
  // Message when no file is attached (each procedure names its own document).
  filesRequired: string;
  // Run by lib/uploads/store-upload on a PDF that passed the generic checks, before anything is
  // stored: a refusal (Spanish `message`, shown next to the upload) means the file is not kept.
  // `code` names the problem for the client and tests. Optional.
  checkUpload?(input: TUploadCheckInput): Promise<TUploadRefusal | null>;
  // Fewer files than the generic per-case limit (D.1.2: the archive's one signed PDF). Optional.
  maxFiles?: number;
};

export type TUploadCheckInput = { db: PrismaClient; bytes: Buffer; kind: FileKind; caseId: string; now: Date };
export type TUploadRefusal = { code: string; message: string };

export const PROCEDURE_FORMS: Partial<Record<Procedure, TProcedureForm>> = {
  EDUCATIONAL_RECORD: {
    parseDraft: (formData) => ZEducationalRecordDraft.parse(formData ?? {}) as Prisma.InputJsonValue,
    submitErrors: educationalRecordErrors,
    checkSubmission: (tx, caseRow) => checkEducationalRecordFiles(tx, caseRow),
    filesRequired: "Adjunte al menos un PDF con el escaneo de sus documentos (anverso y reverso).",
  },
  DIPLOMA_BEFORE_2005: {
    parseDraft: (formData) => parseDiplomaBefore2005Draft(formData) as Prisma.InputJsonValue,
    submitErrors: diplomaBefore2005Errors,
    checkSubmission: async (tx, caseRow) => ({ ...(await checkDiplomaRegistryMiss(tx, caseRow)), ...(await checkDiplomaBefore2005Files(tx, caseRow)) }),
    filesRequired: TITLE_SCAN_MISSING,
    checkUpload: async ({ kind }) => (DIPLOMA_BEFORE_2005_FILE_KINDS.includes(kind) ? null : { code: "WRONG_KIND", message: DIPLOMA_BEFORE_2005_WRONG_KIND }),
  },
  DIPLOMA_FROM_2005: {
    parseDraft: (formData) => parseDiplomaFrom2005Draft(formData) as Prisma.InputJsonValue,
    keepOnSave: keepDiplomaRegistryName,
    submitErrors: diplomaFrom2005Errors,
    checkSubmission: (tx, caseRow, now) => checkDiplomaFrom2005Submission(tx, caseRow, now),
    filesRequired: TITLE_SCAN_MISSING_D22,
    checkUpload: ({ db, kind, caseId }) => checkDiplomaFrom2005Upload({ db, kind, caseId }),
  },
  GRADUATION_RECORD: {
    parseDraft: (formData) => ZGraduationRecordDraft.parse(formData ?? {}) as Prisma.InputJsonValue,
    submitErrors: graduationRecordErrors,
    checkSubmission: (tx, caseRow) => checkGraduationRecordFiles(tx, caseRow),
    filesRequired: ARCHIVE_RECORD_MISSING,
    checkUpload: ({ db, bytes, kind, now }) => checkArchiveRecordUpload({ db, bytes, kind, now }),
    maxFiles: ARCHIVE_RECORD_MAX_FILES,
  },
  TRANSLATOR_REGISTRATION: {
    parseDraft: (formData) => ZTranslatorRegistrationDraft.parse(formData ?? {}) as Prisma.InputJsonValue,
    submitErrors: (formData) => translatorRegistrationErrors(formData),
    checkSubmission: (tx, caseRow) => checkTranslatorRegistration(tx, caseRow),
    filesRequired: RESOLUTION_MISSING,
    // Only the resolution or agreement belongs to this request.
    checkUpload: async ({ kind }) =>
      kind === "APPOINTMENT_RESOLUTION" ? null : { code: "WRONG_KIND", message: "En esta solicitud solo se adjunta la resolución o el acuerdo de su nombramiento." },
  },
  SWORN_TRANSLATION: {
    parseDraft: (formData) => ZSwornTranslationDraft.parse(formData ?? {}) as Prisma.InputJsonValue,
    submitErrors: (formData) => swornTranslationErrors(formData),
    checkSubmission: (tx, caseRow) => checkSwornTranslation(tx, caseRow),
    filesRequired: TRANSLATION_MISSING,
    // Only the translation: the documents it was made from are not part of the request.
    checkUpload: async ({ kind }) =>
      kind === "TRANSLATION" ? null : { code: "WRONG_KIND", message: "En esta solicitud solo se adjunta la traducción jurada, no los documentos originales." },
  },
};

export function procedureForm(procedure: Procedure): TProcedureForm | null {
  return PROCEDURE_FORMS[procedure] ?? null;
}
