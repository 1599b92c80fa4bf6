import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchiveRecordReport } from "@/lib/cases/build-archive-record-report";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { seedGraduationRecordDemoCases } from "@/prisma/seed/demo-cases-graduation-record";
import { extractAttachments } from "@/tests/helpers/archive-signed-pdf";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb } from "@/tests/helpers/pdfsig";
import { createGraduationRecordWorld, type TGraduationRecordWorld } from "./graduation-record-world";

let w: TGraduationRecordWorld;

beforeAll(async () => {
  w = await createGraduationRecordWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

describe("D.1.2 demo cases", () => {
  it("walks one case into each reachable state through the real operations, and a second run adds nothing", async () => {
    const pki = w.pki;
    const first = await seedGraduationRecordDemoCases(w.db, { pki, storage: w.storage });
    expect(first.cases.map((c) => [c.key, c.state, c.created])).toEqual([
      ["graduation-issued", "ISSUED", true],
      ["graduation-central-review", "CENTRAL_REVIEW", true],
      ["graduation-needs-correction", "NEEDS_CORRECTION", true],
      ["graduation-draft", "DRAFT", true],
    ]);
    // Every case carries the archive's signed record, accepted by the upload check.
    for (const c of first.cases) {
      expect(await w.db.uploadedFile.count({ where: { caseId: c.id, kind: "ARCHIVE_RECORD" } })).toBe(1);
      expect((await buildArchiveRecordReport({ caseId: c.id }, w.options))?.signatureAccepted).toBe(true);
    }
    const mismatch = await buildArchiveRecordReport({ caseId: first.cases[2].id }, w.options);
    expect(mismatch?.matches).toEqual({ name: true, post: false });
    expect((await w.db.auditEvent.findMany({ where: { caseId: first.cases[2].id } })).map((e) => e.action)).toEqual(["create", "submit", "reject_for_correction"]);

    // The issued one: central signature valid under pdfsig, the archive's original inside and valid.
    expect(first.issued).toHaveLength(1);
    const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId: first.cases[0].id, stage: "ISSUED" } });
    const bytes = await w.storage.get(doc.storageKey);
    expect(validatePdfSignatures(bytes, { trustedRoots: [pki.rootPem] }).valid).toBe(true);
    const file = path.join(w.root, "demo-emitida.pdf");
    fs.writeFileSync(file, bytes);
    const nss = createNssDb([pki.rootPem], { dir: path.join(w.root, "nss-demo") });
    // One central signature, timestamped, then DSS and document timestamp (B-LTA layout).
    expectLongTermPdf(bytes, { rootPem: pki.rootPem, signers: 1, file, nss });
    const [[name, original]] = [...extractAttachments(file, path.join(w.root, "demo-adjuntos"))];
    expect(name).toBe("expediente-graduacion-1988.pdf");
    const upload = await w.db.uploadedFile.findFirstOrThrow({ where: { caseId: first.cases[0].id } });
    expect(original.equals(await w.storage.get(upload.storageKey))).toBe(true);

    const again = await seedGraduationRecordDemoCases(w.db, { pki, storage: w.storage });
    expect(again.cases.map((c) => [c.id, c.state, c.created])).toEqual(first.cases.map((c) => [c.id, c.state, false]));
    expect(await w.db.case.count({ where: { procedure: "GRADUATION_RECORD" } })).toBe(4);
  });
});
