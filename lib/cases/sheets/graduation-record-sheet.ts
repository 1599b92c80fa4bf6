import { buildCertifyingStatement } from "@/lib/pdf/certifying-statement";
import { defineProcedureSheet } from "./procedure-sheet-types";
import { findText, formFields, holderFromForm, incompleteForm } from "./sheet-helpers";

// D.1.2 Expediente de graduación (1974–1996 archive): issued by the central office alone. The
// sheet goes in front of the archive's pages, and the archive's signed PDF travels inside the
// issued file unchanged (an embedded file), so its own signature stays checkable.
// Default entry, to be refined by the D.1.2 owner: rows are the form's data as label/value.

export const CERTIFICATION_TITLE_D12 = "Certificación electrónica de expediente de graduación";

export const graduationRecordSheet = defineProcedureSheet({
  mergedFileKinds: ["ARCHIVE_RECORD"],
  content: (caseRow) => {
    const holder = holderFromForm(caseRow.formData, null);
    const officer = (caseRow.formData as { archiveOfficer?: { name?: unknown; post?: unknown } } | null)?.archiveOfficer;
    const archiveOfficerName = typeof officer?.name === "string" && officer.name.trim() ? officer.name.trim() : findText(caseRow.formData, "archiveOfficerName");
    const archiveOfficerPost = typeof officer?.post === "string" && officer.post.trim() ? officer.post.trim() : findText(caseRow.formData, "archiveOfficerPost");
    if (!holder || !archiveOfficerName || !archiveOfficerPost) throw incompleteForm();
    return {
      title: CERTIFICATION_TITLE_D12,
      holder,
      documents: [{ label: "Expediente de graduación del Archivo Documental", description: "firmado electrónicamente por el Archivo" }],
      fields: formFields(caseRow.formData, ["student.firstNames", "student.lastNames", "student.cui"]),
      statement: buildCertifyingStatement({ procedure: "GRADUATION_RECORD", holderName: holder.fullName, archiveOfficerName, archiveOfficerPost }),
    };
  },
  attachments: async (caseRow, { db, storage }) => {
    const files = await db.uploadedFile.findMany({
      where: { caseId: caseRow.id, kind: "ARCHIVE_RECORD" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { originalName: true, storageKey: true },
    });
    return Promise.all(
      files.map(async (f) => ({
        fileName: f.originalName,
        bytes: await storage.get(f.storageKey),
        description: "Expediente de graduación firmado por el Archivo Documental del Ministerio de Educación (original, sin alteración)",
      })),
    );
  },
});
