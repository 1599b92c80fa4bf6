import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCertification } from "@/lib/cases/generate-certification";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { submitCase } from "@/lib/cases/submit-case";
import { storeUpload } from "@/lib/uploads/store-upload";
import { CHECKLIST, createCertifyWorld, makeScanPdf, type TCertifyWorld } from "./certify-world";

// Issue #12, point 1. Activity 3 of D.1.1 and D.2.1: the Departamento Técnico Pedagógico checks
// "Que los años y estudios correspondan, así como los nombres, firmas y sellos de las autoridades.
// Que el nombre del estudiante corresponda. Que los grados correspondan." The last item is about the
// grade levels studied (grados), not the marks: D.1.1's key is `gradeLevels`; D.2.1 keeps `grades`.

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

const TITLE_FORM = {
  modality: "ESCOLAR",
  title: { degree: "Perito Contador", institution: "Instituto Nacional de Comercio, Guatemala", graduationYear: 1999 },
  cgcStamp: { registrationNumber: "51877", book: "14", folio: "102", date: "10 de diciembre de 1999" },
  cgcStampConfirmed: true,
  // Who signed the title (issue #12, point 5): the usual signer, so the request may be sent.
  signedBy: "DIDEDUC",
  student: { firstNames: "Ana Lucía", lastNames: "Pérez Xol", cui: "2345 67899 0101", birthDate: "1980-04-02" },
  contactPhone: "5555-1234",
};

async function titleInReview() {
  const draft = await saveCaseDraft({ actor: w.actors.citizen, procedure: "DIPLOMA_BEFORE_2005", dideducId: w.gn.id, formData: TITLE_FORM }, { db: w.db });
  const bytes = await makeScanPdf(`titulo ${draft.caseId}`, 2);
  await storeUpload(
    w.actors.citizen,
    { body: Readable.from([bytes]), originalName: "titulo.pdf", kind: "SCAN", caseId: draft.caseId, declaredSize: bytes.length },
    { db: w.db, storage: w.storage },
  );
  const sent = await submitCase({ actor: w.actors.citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, { db: w.db });
  return { id: draft.caseId, version: sent.version };
}

describe('"Que los grados correspondan"', () => {
  it("D.1.1: generation is refused without the grade levels ticked (the old 'grades' key does not stand for it) and accepted with them", async () => {
    const { actors, options, db } = w;
    const submitted = await w.caseInReview();
    const { gradeLevels: _gradeLevels, ...withoutGradeLevels } = CHECKLIST;
    void _gradeLevels;
    const refused = await generateCertification(
      { actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: { ...withoutGradeLevels, grades: true } },
      options,
    ).catch((e) => e);
    expect(refused.code).toBe("CHECKLIST_INCOMPLETE");
    expect(Object.keys(refused.fieldErrors)).toEqual(["checklist.gradeLevels"]);
    const unchanged = await db.case.findUniqueOrThrow({ where: { id: submitted.id } });
    expect([unchanged.state, unchanged.version]).toEqual(["DIDEDUC_REVIEW", submitted.version]);
    expect(await db.certificationSheet.count({ where: { caseId: submitted.id } })).toBe(0);

    const generated = await generateCertification({ actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, options);
    expect(generated.state).toBe("DIDEDUC_SIGNATURE");
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: submitted.id, action: "generate_certification" } });
    expect((event.data as { checklist: Record<string, boolean> }).checklist).toEqual({
      studies: true,
      authorities: true,
      signaturesAndSeals: true,
      studentName: true,
      gradeLevels: true,
    });
  });

  it("D.2.1 still asks its own 'grades' item (the grades studied for the title's career)", async () => {
    const { actors, options } = w;
    const sent = await titleInReview();
    const d21 = { studies: true, authorities: true, signaturesAndSeals: true, cgcStamp: true, studentName: true };
    const refused = await generateCertification({ actor: actors.reviewer, caseId: sent.id, expectedVersion: sent.version, checklist: { ...d21, gradeLevels: true } }, options).catch(
      (e) => e,
    );
    expect(refused.code).toBe("CHECKLIST_INCOMPLETE");
    expect(Object.keys(refused.fieldErrors)).toEqual(["checklist.grades"]);
    const generated = await generateCertification({ actor: actors.reviewer, caseId: sent.id, expectedVersion: sent.version, checklist: { ...d21, grades: true } }, options);
    expect(generated.state).toBe("DIDEDUC_SIGNATURE");
  });
});
