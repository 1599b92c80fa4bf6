import { createHash } from "node:crypto";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatCui } from "@/lib/identity/format-cui";
import { buildCertifyingStatement } from "@/lib/pdf/certifying-statement";
import type { TSheetField } from "@/lib/pdf/sheet-data";
import { checkArchiveSignedPdf } from "@/lib/registry/check-archive-signed-pdf";
import { ARCHIVE_RECORD_FILE_KIND, GRADUATION_RECORD_LABELS } from "../forms/graduation-record-form";
import { defineProcedureSheet } from "./procedure-sheet-types";
import { formatLongDate, incompleteForm, joinName } from "./sheet-helpers";

// D.1.2 Expediente de graduación (1974–1996 archive): issued by the central office alone. The
// sheet goes in front of the archive's pages, and the archive's signed PDF travels inside the
// issued file unchanged (an embedded file), so its own signature stays checkable.

export const CERTIFICATION_TITLE_D12 = "Certificación electrónica de expediente de graduación";

// The form as stored in Case.formData (lib/cases/forms/graduation-record-form.ts is the form's own
// schema), read again because the sheet needs every printed field present.
const ZText = z.string().trim().min(1);
const ZFormForSheet = z.object({
  student: z.object({
    firstNames: ZText,
    lastNames: ZText,
    cui: z.string().trim().optional().nullable(),
    birthDate: z.string().trim().optional().nullable(),
  }),
  record: z.object({ degree: ZText, institution: ZText, graduationYear: z.coerce.number().int() }),
});

// The archive's signature on the uploaded record, checked again at issuance: the registry may have
// changed since the upload (a certificate revoked with an earlier date). Its signer, as the
// registry names them, is who the sheet says certified the record — not what the citizen typed.
type TArchiveLookup = { fileName: string; sha256: string; signerName: string; signerPost: string; signedAt: Date | null };

const GUATEMALA_DATE = new Intl.DateTimeFormat("es-GT", { day: "numeric", month: "long", year: "numeric", timeZone: "America/Guatemala" });

export const graduationRecordSheet = defineProcedureSheet<TArchiveLookup>({
  mergedFileKinds: [ARCHIVE_RECORD_FILE_KIND],
  lookup: async (caseRow, { db, storage, now }) => {
    const file = await db.uploadedFile.findFirst({
      where: { caseId: caseRow.id, kind: ARCHIVE_RECORD_FILE_KIND },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { originalName: true, storageKey: true, sha256: true },
    });
    if (!file) throw new DomainError("NO_SCANS", "La solicitud no tiene el expediente firmado por el Archivo Documental.");
    const bytes = await storage.get(file.storageKey);
    // Only reads the registry: a transaction client serves as well as the app's.
    const check = await checkArchiveSignedPdf(bytes, { db: db as PrismaClient, now });
    if (!check.ok || createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
      throw new DomainError(
        "ARCHIVE_SIGNATURE_INVALID",
        "La firma del Archivo Documental en el expediente ya no pasa la comprobación (vea el informe de la solicitud): no se puede emitir. Solicite la corrección al usuario.",
      );
    }
    return { fileName: file.originalName, sha256: file.sha256, signerName: check.signer.name, signerPost: check.signer.post, signedAt: check.signer.signedAt };
  },
  content: (caseRow, { lookup }) => {
    const parsed = ZFormForSheet.safeParse(caseRow.formData);
    if (!parsed.success) throw incompleteForm();
    const form = parsed.data;
    // Without the lookup (pure tests of the content) the archive officer is whoever the citizen typed.
    const typed = (caseRow.formData as { archiveOfficer?: { name?: unknown; post?: unknown } } | null)?.archiveOfficer;
    const archiveOfficerName = lookup?.signerName ?? (typeof typed?.name === "string" ? typed.name.trim() : "");
    const archiveOfficerPost = lookup?.signerPost ?? (typeof typed?.post === "string" ? typed.post.trim() : "");
    if (!archiveOfficerName || !archiveOfficerPost) throw incompleteForm();

    const holderName = joinName(form.student.firstNames, form.student.lastNames);
    const fields: TSheetField[] = [];
    if (form.student.birthDate) fields.push({ label: "Fecha de nacimiento", value: formatLongDate(form.student.birthDate) });
    fields.push(
      { label: "Título o diploma", value: form.record.degree },
      { label: GRADUATION_RECORD_LABELS.institution, value: form.record.institution },
      { label: GRADUATION_RECORD_LABELS.graduationYear, value: String(form.record.graduationYear) },
      {
        label: "Firmó en el Archivo",
        value: lookup?.signedAt
          ? `${archiveOfficerName}, ${archiveOfficerPost} (firma electrónica del ${GUATEMALA_DATE.format(lookup.signedAt)})`
          : `${archiveOfficerName}, ${archiveOfficerPost}`,
      },
    );
    // Lets anyone holding the extracted original confirm it is the one this sheet certifies.
    if (lookup) fields.push({ label: "SHA-256 del original adjunto", value: lookup.sha256 });

    return {
      title: CERTIFICATION_TITLE_D12,
      holder: form.student.cui ? { fullName: holderName, cui: formatCui(form.student.cui) } : { fullName: holderName },
      documents: [{ label: "Expediente de graduación", description: "firmado electrónicamente por el Archivo Documental" }],
      fields,
      statement: buildCertifyingStatement({ procedure: "GRADUATION_RECORD", holderName, archiveOfficerName, archiveOfficerPost }),
    };
  },
  // The uploaded record byte for byte: after extraction its own signature validates as before.
  attachments: async (caseRow, { db, storage }) => {
    const file = await db.uploadedFile.findFirst({
      where: { caseId: caseRow.id, kind: ARCHIVE_RECORD_FILE_KIND },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { originalName: true, storageKey: true },
    });
    if (!file) return [];
    return [
      {
        fileName: file.originalName,
        bytes: await storage.get(file.storageKey),
        mimeType: "application/pdf",
        description: "Expediente de graduación firmado por el Archivo Documental del Ministerio de Educación (original, sin alteración)",
      },
    ];
  },
});
