import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffAccount } from "@/lib/admin/create-staff-account";
import { updateDideduc } from "@/lib/admin/update-dideduc";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { submitCase } from "@/lib/cases/submit-case";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { storeUpload } from "@/lib/uploads/store-upload";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { makePdf } from "../../unit/uploads/pdf-fixtures";
import { seedWorld, type TWorld } from "../workflow/seed-world";

// Issue #9, section 6, through the real operations on PostgreSQL: text that may reach a signed
// certification refuses hidden characters (bidi controls, zero-width) with a Spanish message next to
// its field, is stored NFC, and uploaded file names are cleaned the same way; each procedure takes
// only the case fields it has (a D.1.2 draft cannot be given a DIDEDUC by re-saving it).

const RLO = "\u202E"; // RIGHT-TO-LEFT OVERRIDE
const ZWSP = "\u200B"; // ZERO WIDTH SPACE
// As lib/cases/create-draft-case.ts words it (a literal, so this file also runs against the code before the fix).
const NO_DIDEDUC_MESSAGE = "Este trámite lo atiende Atención al Ciudadano, no una Dirección Departamental.";
const HIDDEN_MESSAGE = /^El texto tiene un carácter invisible o de control \(U\+[0-9A-F]{4,5}\)/;

let tdb: TTestDatabase;
let w: TWorld;
let root: string;
let storage: LocalDiskStorage;
const opts = () => ({ db: tdb.prisma });

beforeAll(async () => {
  tdb = await createTestDatabase();
  w = await seedWorld(tdb.prisma);
  root = await fs.mkdtemp(path.join(os.tmpdir(), "signed-text-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
});
afterAll(async () => {
  await tdb?.drop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors: Record<string, string[]> }> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, "the operation must refuse").not.toBeNull();
  return e as { code: string; message: string; fieldErrors: Record<string, string[]> };
}

// Every procedure, who files it, and one text of its form that is printed on its certification.
const PROCEDURES: ReadonlyArray<{ procedure: Procedure; applicant: "citizen" | "translator"; textPath: string[] }> = [
  { procedure: "EDUCATIONAL_RECORD", applicant: "citizen", textPath: ["student", "firstNames"] },
  { procedure: "GRADUATION_RECORD", applicant: "citizen", textPath: ["student", "lastNames"] },
  { procedure: "DIPLOMA_BEFORE_2005", applicant: "citizen", textPath: ["title", "degree"] },
  { procedure: "DIPLOMA_FROM_2005", applicant: "citizen", textPath: ["student", "firstNames"] },
  { procedure: "SWORN_TRANSLATION", applicant: "translator", textPath: ["holderName"] },
  { procedure: "TRANSLATOR_REGISTRATION", applicant: "translator", textPath: ["name"] },
];

function withText(textPath: string[], value: string): Record<string, unknown> {
  const [head, ...rest] = textPath;
  return { [head]: rest.length === 0 ? value : withText(rest, value) };
}

function actorOf(applicant: "citizen" | "translator"): TWorkflowActor {
  return applicant === "citizen" ? w.citizen : w.translator;
}

describe("hidden characters in a draft", () => {
  it.each(PROCEDURES)("$procedure: a bidi override in its form is refused on the first save, in Spanish, next to the field; nothing is created", async ({ procedure, applicant, textPath }) => {
    const before = await tdb.prisma.case.count();
    const e = await refusal(saveCaseDraft({ actor: actorOf(applicant), procedure, formData: withText(textPath, `Ana${RLO}Lucía Pérez`) }, opts()));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toMatch(/caracteres invisibles/);
    const key = ["formData", ...textPath].join(".");
    expect(Object.keys(e.fieldErrors)).toEqual([key]);
    expect(e.fieldErrors[key][0]).toMatch(HIDDEN_MESSAGE);
    expect(e.fieldErrors[key][0]).toContain("U+202E");
    expect(await tdb.prisma.case.count()).toBe(before);
  });

  it("a zero-width space typed into a saved draft is refused and the stored draft stays as it was", async () => {
    const draft = await saveCaseDraft({ actor: w.citizen, procedure: "GRADUATION_RECORD", formData: { student: { firstNames: "Ana" } } }, opts());
    const e = await refusal(
      saveCaseDraft(
        { actor: w.citizen, caseId: draft.caseId, procedure: "GRADUATION_RECORD", formData: { student: { firstNames: `Ana${ZWSP}` } }, expectedVersion: draft.version },
        opts(),
      ),
    );
    expect(e.fieldErrors["formData.student.firstNames"]?.[0]).toContain("U+200B");
    expect(await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } })).toMatchObject({
      version: draft.version,
      formData: { student: { firstNames: "Ana" } },
    });
  });

  it("stores every text of a draft NFC: a name typed with a combining accent is kept as the composed letter", async () => {
    const decomposed = "Jose\u0301 Mari\u0301a";
    const draft = await saveCaseDraft(
      { actor: w.citizen, procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id, formData: { student: { firstNames: decomposed, lastNames: "Pe\u0301rez" } } },
      opts(),
    );
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    const student = (row.formData as { student: { firstNames: string; lastNames: string } }).student;
    expect(student.firstNames).toBe("José María");
    expect(student.firstNames.length).toBe(10);
    expect(student.lastNames).toBe("Pérez");
    // The search terms the queues use are built from the same stored text.
    expect(row.searchTerms).toContain("jose");
  });
});

describe("hidden characters at submission", () => {
  it("a draft stored before the rule (a bidi control in a name) is refused on submission, with the Spanish message on that field, and changes nothing", async () => {
    const draft = await saveCaseDraft(
      {
        actor: w.citizen,
        procedure: "GRADUATION_RECORD",
        formData: {
          student: { firstNames: "Ana Lucía", lastNames: "Pérez" },
          record: { degree: "Perito Contador", institution: "Instituto Nacional", graduationYear: 1990 },
          archiveOfficer: { name: "Carlos Pérez", post: "Jefe del Archivo" },
        },
      },
      opts(),
    );
    // As the old code stored it: straight into the row.
    await tdb.prisma.case.update({
      where: { id: draft.caseId },
      data: {
        formData: {
          student: { firstNames: `Ana${RLO}Lucía`, lastNames: "Pérez" },
          record: { degree: "Perito Contador", institution: "Instituto Nacional", graduationYear: 1990 },
          archiveOfficer: { name: "Carlos Pérez", post: "Jefe del Archivo" },
        },
      },
    });
    const e = await refusal(submitCase({ actor: w.citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts()));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.fieldErrors["student.firstNames"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } })).toMatchObject({ state: "DRAFT", version: draft.version, submittedAt: null });
  });
});

describe("hidden characters in the office data printed on certifications", () => {
  const admin = async () => {
    const u = await tdb.prisma.user.create({ data: { email: `admin-${Date.now()}@example.test`, name: "Admin Prueba", passwordHash: "x", roles: ["ADMIN"] } });
    return { id: u.id, roles: u.roles };
  };

  it("a staff account's name and post (a signer's name on the sheet) refuse hidden characters; nothing is created", async () => {
    const actor = await admin();
    const e = await refusal(
      createStaffAccount(
        actor,
        { name: `José${RLO} Pérez`, email: "jose.perez@example.test", post: `Director${ZWSP}`, roles: ["DIDEDUC_SIGNER"], dideducId: w.dideducA.id, password: "Firmante2026xyz" },
        { db: tdb.prisma },
      ),
    );
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.fieldErrors.name?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(e.fieldErrors.post?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(await tdb.prisma.user.count({ where: { email: "jose.perez@example.test" } })).toBe(0);
  });

  it("a DIDEDUC's name (printed under the heading) refuses them too, and is stored NFC", async () => {
    const actor = await admin();
    const fields = { dideducId: w.dideducB.id, type: "C", address: "Xela", phone: "7761 0000", email: "qz@example.test" } as const;
    const e = await refusal(updateDideduc(actor, { ...fields, name: `Quetzaltenango${RLO}` }, { db: tdb.prisma }));
    expect(e.fieldErrors.name?.[0]).toMatch(HIDDEN_MESSAGE);
    await updateDideduc(actor, { ...fields, name: "Quiche\u0301" }, { db: tdb.prisma });
    expect((await tdb.prisma.dideduc.findUniqueOrThrow({ where: { id: w.dideducB.id } })).name).toBe("Quiché");
  });
});

describe("uploaded file names", () => {
  it("lose their hidden characters and are stored NFC", async () => {
    const draft = await saveCaseDraft({ actor: w.citizen, procedure: "EDUCATIONAL_RECORD", formData: {} }, opts());
    const store = (originalName: string) =>
      storeUpload(w.citizen, { kind: "SCAN", originalName, caseId: draft.caseId, body: Readable.from([]) }, { db: tdb.prisma, storage, tmpDir: path.join(root, "tmp") });
    const bytes = await makePdf(1);
    const spoofed = await storeUpload(
      w.citizen,
      { kind: "SCAN", originalName: `certificado${RLO}fdp.exe${ZWSP}.pdf`, caseId: draft.caseId, body: Readable.from([bytes]) },
      { db: tdb.prisma, storage, tmpDir: path.join(root, "tmp") },
    );
    expect(spoofed.originalName).toBe("certificadofdp.exe.pdf");
    const composed = await storeUpload(
      w.citizen,
      { kind: "SCAN", originalName: "diploma de Jose\u0301.pdf", caseId: draft.caseId, body: Readable.from([await makePdf(1)]) },
      { db: tdb.prisma, storage, tmpDir: path.join(root, "tmp") },
    );
    expect(composed.originalName).toBe("diploma de José.pdf");
    // A name of nothing but hidden characters is no name.
    await expect(store(`${RLO}${ZWSP}`)).rejects.toMatchObject({ name: "UploadError", code: "INVALID_INPUT", message: "Falta el nombre del archivo." });
  });
});

describe("the case fields each procedure has", () => {
  it.each(PROCEDURES)("$procedure: a DIDEDUC on the case only if its workflow has one, on the first save and on a re-save", async ({ procedure, applicant }) => {
    const actor = actorOf(applicant);
    const requiresDideduc = getDefinition(procedure).requiresDideduc;
    const draft = await saveCaseDraft({ actor, procedure, formData: {} }, opts());
    const resave = saveCaseDraft({ actor, caseId: draft.caseId, procedure, dideducId: w.dideducA.id, formData: {}, expectedVersion: draft.version }, opts());
    if (requiresDideduc) {
      await resave;
      expect(await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } })).toMatchObject({ dideducId: w.dideducA.id, version: draft.version + 1 });
      return;
    }
    const e = await refusal(resave);
    expect(e).toMatchObject({ code: "INVALID_INPUT", message: NO_DIDEDUC_MESSAGE, fieldErrors: { dideducId: [NO_DIDEDUC_MESSAGE] } });
    expect(await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } })).toMatchObject({ dideducId: null, version: draft.version });
    const created = await refusal(saveCaseDraft({ actor, procedure, dideducId: w.dideducA.id, formData: {} }, opts()));
    expect(created.fieldErrors.dideducId).toEqual([NO_DIDEDUC_MESSAGE]);
  });

  it.each(PROCEDURES)("$procedure: keys its form does not have are not stored, at the top or nested", async ({ procedure, applicant, textPath }) => {
    const actor = actorOf(applicant);
    const formData = {
      ...withText(textPath, "Ana Lucía"),
      registryAtSubmission: { holderName: "Otra Persona" },
      issuedAt: "2020-01-01",
      ...(procedure === "TRANSLATOR_REGISTRATION" ? {} : { dideducId: w.dideducA.id }),
    };
    const nested = textPath.length > 1 ? { [textPath[0]]: { ...(withText(textPath, "Ana Lucía")[textPath[0]] as object), injected: "x" } } : {};
    const draft = await saveCaseDraft({ actor, procedure, formData: { ...formData, ...nested } }, opts());
    const stored = (await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } })).formData as Record<string, unknown>;
    expect(stored).not.toHaveProperty("registryAtSubmission");
    expect(stored).not.toHaveProperty("issuedAt");
    if (procedure !== "TRANSLATOR_REGISTRATION") expect(stored).not.toHaveProperty("dideducId");
    if (textPath.length > 1) expect(stored[textPath[0]]).not.toHaveProperty("injected");
    expect(JSON.stringify(stored)).toContain("Ana Lucía");
  });
});
