import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { startCaseFrom } from "@/lib/cases/start-case-from";
import { submitCase } from "@/lib/cases/submit-case";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { setSwornTranslatorActive } from "@/lib/registry/set-sworn-translator-active";
import { storeUpload } from "@/lib/uploads/store-upload";
import { makePdf } from "../../unit/uploads/pdf-fixtures";
import { createRegistryWorld, type TRegistryWorld } from "../registry/registry-world";

// D.3 on PostgreSQL with the seed's world (Ana Lucía Méndez Ruiz, TJ-GN-0042, Acuerdo Ministerial
// 2418-2019, inglés y francés): the citizen uploads only the translation; the translator must be
// registered, active and authorized for the language, checked inside the submission's transaction
// and reported next to the field; the central office's rejection is mailed with its reason and a
// new request starts from the rejected one's data.
let w: TRegistryWorld;
type TActor = Awaited<ReturnType<TRegistryWorld["user"]>>;
let citizen: TActor;
let assistant: TActor;
let manager: TActor;

const opts = () => ({ db: w.db });
const ANA = { name: "Ana Lucía Méndez Ruiz", agreementNumber: "Acuerdo Ministerial 2418-2019", registrationNumber: "TJ-GN-0042", language: "inglés" };

function form(translator: Record<string, unknown> = {}, over: Record<string, unknown> = {}) {
  return {
    translator: { ...ANA, ...translator },
    documentTitle: "Diploma de Bachelor of Science, University of Texas",
    holderName: "María José Ixcot Chávez",
    ...over,
  };
}

async function upload(actor: { id: string }, caseId: string, kind: FileKind = "TRANSLATION") {
  return storeUpload(actor, { kind, originalName: "traduccion.pdf", caseId, body: Readable.from([await makePdf(2)]) }, {
    db: w.db,
    storage: w.storage,
    tmpDir: path.join(w.root, "tmp"),
  });
}

async function draftWithTranslation(data: Record<string, unknown>) {
  const draft = await saveCaseDraft({ actor: citizen, procedure: "SWORN_TRANSLATION", formData: data }, opts());
  await upload(citizen, draft.caseId);
  return draft;
}

async function refusal(caseId: string, version: number) {
  return submitCase({ actor: citizen, caseId, expectedVersion: version, ip: null }, opts()).then(
    () => {
      throw new Error("the submission was accepted");
    },
    (e) => e as { code: string; fieldErrors: Record<string, string[]> },
  );
}

beforeAll(async () => {
  w = await createRegistryWorld();
  citizen = await w.user("ciudadana");
  assistant = await w.user("asistente.central");
  manager = await w.user("encargado.central");
});
afterAll(async () => {
  await w?.cleanup();
});

describe("the citizen's request", () => {
  it("takes only the translation as a file and names every missing field at once", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "SWORN_TRANSLATION", formData: { translator: { name: "Ana" }, junk: 1 } }, opts());
    expect(draft.number).toMatch(/^CT-\d{4}-\d{6}$/);
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).formData).toEqual({ translator: { name: "Ana" } });
    await expect(upload(citizen, draft.caseId, "SCAN")).rejects.toMatchObject({ code: "NOT_ACCEPTED", message: expect.stringContaining("solo se adjunta la traducción jurada") });
    const refused = await refusal(draft.caseId, draft.version);
    expect(refused.code).toBe("INVALID_INPUT");
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(
      ["documentTitle", "files", "holderName", "translator.agreementNumber", "translator.language", "translator.registrationNumber"].sort(),
    );
    expect(refused.fieldErrors.files).toEqual(["Adjunte la traducción jurada escaneada en PDF."]);
  });

  it("refuses an unregistered translator next to the registration number, and changes nothing", async () => {
    const draft = await draftWithTranslation(form({ registrationNumber: "TJ-GN-9999" }));
    const refused = await refusal(draft.caseId, draft.version);
    expect(refused).toMatchObject({ code: "INVALID_INPUT" });
    expect(refused.fieldErrors).toEqual({
      "translator.registrationNumber": [
        "No hay ningún traductor jurado registrado con el número TJ-GN-9999. Revise el número o búsquelo por su nombre en el registro.",
      ],
    });
    expect(await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).toMatchObject({ state: "DRAFT", version: draft.version, submittedAt: null });
    expect(await w.db.outboxMail.count({ where: { caseId: draft.caseId } })).toBe(0);
  });

  it("refuses a registered translator for a language the registry does not authorize, next to the language", async () => {
    const draft = await draftWithTranslation(form({ language: "alemán" }));
    const refused = await refusal(draft.caseId, draft.version);
    expect(refused.fieldErrors).toEqual({
      "translator.language": ["Ana Lucía Méndez Ruiz no está autorizada para traducir alemán; el registro la autoriza para: inglés, francés."],
    });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).state).toBe("DRAFT");
  });

  it("refuses another person's name or agreement under that number", async () => {
    const wrongName = await draftWithTranslation(form({ name: "Pedro Pérez Gómez" }));
    expect((await refusal(wrongName.caseId, wrongName.version)).fieldErrors).toEqual({
      "translator.name": [expect.stringContaining("El número de registro TJ-GN-0042 no corresponde a Pedro Pérez Gómez")],
    });
    const wrongAgreement = await draftWithTranslation(form({ agreementNumber: "Acuerdo 1-2020" }));
    expect(Object.keys((await refusal(wrongAgreement.caseId, wrongAgreement.version)).fieldErrors)).toEqual(["translator.agreementNumber"]);
  });

  it("refuses an inactive translator, and accepts the same request once the registry reactivates them", async () => {
    const entry = await w.db.swornTranslator.findFirstOrThrow({ where: { dideducRegistrationNumber: "TJ-GN-0042" } });
    const draft = await draftWithTranslation(form({ id: entry.id }));
    await setSwornTranslatorActive({ actor: manager, translatorId: entry.id, active: false, reason: "Suspensión notificada por la DIDEDUC" }, { db: w.db });
    try {
      const refused = await refusal(draft.caseId, draft.version);
      expect(refused.fieldErrors).toEqual({
        "translator.registrationNumber": [
          "Ana Lucía Méndez Ruiz está registrada como traductora jurada, pero su registro no está activo: no puede certificarse una traducción suya.",
        ],
      });
    } finally {
      await setSwornTranslatorActive({ actor: manager, translatorId: entry.id, active: true, reason: "Suspensión levantada por la DIDEDUC" }, { db: w.db });
    }
    const sent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts());
    expect(sent.state).toBe("CENTRAL_REVIEW");
  });

  it("refuses data that does not match the translator picked from the registry", async () => {
    const other = await w.db.swornTranslator.create({
      data: { name: "Jorge Luis Batz Coy", languages: ["inglés"], appointmentResolution: "Acuerdo 77-2015", dideducRegistrationNumber: "TJ-GN-0077", dideducId: (await w.db.dideduc.findUniqueOrThrow({ where: { name: "Guatemala Norte" } })).id },
    });
    const draft = await draftWithTranslation(form({ id: other.id }));
    expect(Object.keys((await refusal(draft.caseId, draft.version)).fieldErrors)).toEqual(["translator.registrationNumber"]);
  });
});

describe("central review", () => {
  it("sends a valid request to the central office; a rejection is mailed with its reason and a new request starts from it", async () => {
    const draft = await draftWithTranslation(form({ registrationNumber: " tj-gn-0042", language: "Inglés", agreementNumber: "2418-2019" }, { contactPhone: "5512-3478" }));
    const sent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts());
    expect(sent.state).toBe("CENTRAL_REVIEW");
    const mails = await w.db.outboxMail.findMany({ where: { caseId: draft.caseId }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual([`Recibimos su solicitud ${draft.number}`]);

    expect((await listCaseQueue({ actor: assistant, segment: "atencion", state: "CENTRAL_REVIEW", procedure: "SWORN_TRANSLATION" }, opts())).rows.map((r) => r.id)).toContain(draft.caseId);
    const view = await getCaseForActor({ actor: assistant, caseId: draft.caseId }, opts());
    expect(view?.actions.map((a) => [a.action, a.operation, a.inputKind])).toEqual([
      ["reject", "plain", "reason"],
      ["sign_and_issue", "sign_and_issue", "none"],
    ]);
    expect(view?.files.map((f) => f.kind)).toEqual(["TRANSLATION"]);
    // Registrations are the manager's; translations the assistants'.
    expect((await getCaseForActor({ actor: manager, caseId: draft.caseId }, opts()))?.actions).toEqual([]);

    const reason = "El número de acuerdo que aparece en la traducción no coincide con el del registro del traductor.";
    await expect(
      performCaseAction({ actor: assistant, caseId: draft.caseId, action: "reject", input: { reason: "" }, expectedVersion: sent.version, ip: null }, opts()),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { reason: [expect.any(String)] } });
    const rejected = await performCaseAction({ actor: assistant, caseId: draft.caseId, action: "reject", input: { reason }, expectedVersion: sent.version, ip: null }, opts());
    expect(rejected.state).toBe("REJECTED");
    const after = await w.db.outboxMail.findMany({ where: { caseId: draft.caseId }, orderBy: { createdAt: "asc" } });
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({ to: "ciudadana@demo.certifica.gt", subject: `Su solicitud ${draft.number} fue rechazada` });
    expect(after[1].text).toContain(reason);
    expect(after[1].text).toContain("presentar una solicitud nueva");
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).lastNote).toBe(reason);

    const restarted = await startCaseFrom({ actor: citizen, caseId: draft.caseId }, opts());
    const copy = await w.db.case.findUniqueOrThrow({ where: { id: restarted.caseId } });
    expect(copy).toMatchObject({ procedure: "SWORN_TRANSLATION", state: "DRAFT", parentCaseId: draft.caseId });
    expect(copy.formData).toEqual((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).formData);
  });
});
