import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { submitCase } from "@/lib/cases/submit-case";
import { OTHER_PROCEDURE_NAME, TITLE_SIGNATORY_MISSING, titleSignatoryStop } from "@/lib/cases/forms/title-signatory";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { storeUpload } from "@/lib/uploads/store-upload";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { makePdf } from "../../unit/uploads/pdf-fixtures";

// Issue #12, point 5. The procedure: "Para los casos en que los Títulos y/o Diplomas estén firmados por
// Directores Regionales y/o Ministros de educación, referirse al Instructivo ATE-INS-04 … numeral C.1.1
// Auténtica de firma de documentos educativos." D.2.2 reads the signer from the registry; D.1.1 and
// D.2.1 ask the citizen, and the server refuses the submission (not only the browser) when the answer
// is a Director Regional or a Minister, keeping the draft as it was.
let tdb: TTestDatabase;
let root: string;
let storage: LocalDiskStorage;
let citizen: TSessionUser;
let dideducId: string;

const NOW = new Date("2026-06-01T15:00:00Z");

const FORMS: Record<"EDUCATIONAL_RECORD" | "DIPLOMA_BEFORE_2005", Record<string, unknown>> = {
  EDUCATIONAL_RECORD: {
    modality: "ESCOLAR",
    documentKinds: ["DIPLOMA"],
    student: { firstNames: "Ana Lucía", lastNames: "Pérez Xol" },
    studies: [{ level: "Sexto primaria", year: 1996, institution: "Escuela Oficial Urbana Mixta, zona 6" }],
  },
  DIPLOMA_BEFORE_2005: {
    modality: "ESCOLAR",
    title: { degree: "Maestra de Educación Primaria Urbana", institution: "Escuela Normal Central para Señoritas «Belén»", graduationYear: 1986 },
    cgcStamp: {},
    cgcStampConfirmed: true,
    student: { firstNames: "Ana Lucía", lastNames: "Pérez Xol" },
  },
};

async function draftWithScan(procedure: keyof typeof FORMS, signedBy: string | undefined) {
  const formData = signedBy ? { ...FORMS[procedure], signedBy } : FORMS[procedure];
  const draft = await saveCaseDraft({ actor: citizen, procedure, dideducId, formData }, { db: tdb.prisma });
  await storeUpload(
    citizen,
    { kind: "SCAN", originalName: "documento.pdf", caseId: draft.caseId, body: Readable.from([await makePdf(2)]) },
    { db: tdb.prisma, storage, tmpDir: path.join(root, "tmp") },
  );
  return draft;
}

const submit = (draft: { caseId: string; version: number }) =>
  submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, { db: tdb.prisma });

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "title-signed-by-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
  const d = await tdb.prisma.dideduc.create({ data: { code: "GN", name: "Guatemala Norte", type: "A", address: "Zona 1", phone: "2222-0000", email: "gn@example.test" } });
  dideducId = d.id;
  const u = await tdb.prisma.user.create({ data: { email: "ciudadana@example.test", name: "Ana Pérez", passwordHash: "x", roles: ["CITIZEN"] } });
  citizen = { id: u.id, name: u.name, email: u.email, roles: u.roles, dideducId: null, delegatedRoles: [] };
});
afterAll(async () => {
  await tdb?.drop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe.each(["EDUCATIONAL_RECORD", "DIPLOMA_BEFORE_2005"] as const)("%s: «firmados por Directores Regionales y/o Ministros de educación» (ATE-INS-04)", (procedure: Procedure & keyof typeof FORMS) => {
  it("asks who signed: a request without the answer is not sent", async () => {
    const draft = await draftWithScan(procedure, undefined);
    const refused = await submit(draft).catch((e) => e);
    expect(refused).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { signedBy: [TITLE_SIGNATORY_MISSING] } });
    expect(Object.keys(refused.fieldErrors)).toEqual(["signedBy"]);
  });

  it.each(["REGIONAL_DIRECTOR", "MINISTER"] as const)(
    "refuses on the server a title signed by %s, with the way to «Auténtica de firma de documentos educativos», and keeps the draft",
    async (signedBy) => {
      const draft = await draftWithScan(procedure, signedBy);
      const refused = await submit(draft).catch((e) => e);
      expect(refused).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { signedBy: [titleSignatoryStop(signedBy)] } });
      expect(refused.fieldErrors.signedBy[0]).toContain(OTHER_PROCEDURE_NAME);
      expect(refused.fieldErrors.signedBy[0]).toContain("ATE-INS-04");
      expect(refused.fieldErrors.signedBy[0]).toContain("Atención al Ciudadano, Planta Central");
      const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId }, include: { files: true } });
      expect(row).toMatchObject({ state: "DRAFT", version: draft.version, submittedAt: null });
      expect(row.formData).toMatchObject({ ...FORMS[procedure], signedBy });
      expect(row.files).toHaveLength(1);
      expect(await tdb.prisma.outboxMail.count({ where: { caseId: draft.caseId } })).toBe(0);

      // The citizen was wrong about the signer: with the usual answer the same draft is sent.
      const fixed = await saveCaseDraft(
        { actor: citizen, caseId: draft.caseId, procedure, dideducId, formData: { ...FORMS[procedure], signedBy: "DIDEDUC" }, expectedVersion: draft.version },
        { db: tdb.prisma },
      );
      expect(await submit(fixed)).toMatchObject({ state: "DIDEDUC_REVIEW" });
    },
  );

  it("drops an unknown answer from the draft rather than storing it", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure, dideducId, formData: { ...FORMS[procedure], signedBy: "PRESIDENT" } }, { db: tdb.prisma });
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect((row.formData as Record<string, unknown>).signedBy).toBeUndefined();
  });
});
