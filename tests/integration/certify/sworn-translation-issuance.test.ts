import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewCertification } from "@/lib/cases/preview-certification";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { signAndIssue } from "@/lib/cases/signing/sign-case-with-signer";
import { submitCase } from "@/lib/cases/submit-case";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { setSwornTranslatorActive } from "@/lib/registry/set-sworn-translator-active";
import { setSwornTranslatorGender } from "@/lib/registry/set-sworn-translator-gender";
import { storeUpload } from "@/lib/uploads/store-upload";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb, type TNssDb } from "@/tests/helpers/pdfsig";
import { pdfPagesText } from "@/tests/unit/pdf/poppler";
import { createCertifyWorld, makeScanPdf, type TCertifyWorld } from "./certify-world";

// D.3 issuance through the citizen's real path (draft, upload, submission) and the central
// office's "Firmar y emitir": the sheet reads the registry again, so a translator deactivated since
// submission stops the issuance with the reason and nothing changes; once active again the
// certification is issued with one central signature that pdfsig validates over the whole file,
// printing the registry's spelling of the translator, the document and its holder. The translator
// is named by role as the registry says she asked at registration (issue #12, point 4): Ana Lucía
// Méndez Ruiz is "traductora jurada, nombrada, inscrita".

// A PDF's text as one line (the sheet wraps the statement anywhere).
async function flatText(file: string): Promise<string> {
  return (await pdfPagesText(file)).join(" ").replace(/\s+/g, " ");
}

let w: TCertifyWorld;
let nss: TNssDb;

const FORM = {
  translator: { name: "ana lucia mendez ruiz", agreementNumber: "AM 2418-2019", registrationNumber: "TJ-GN-0042", language: "frances" },
  documentTitle: "Acta de nacimiento, República Francesa",
  holderName: "Camille Élodie Bac Xol",
};

beforeAll(async () => {
  w = await createCertifyWorld();
  nss = createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-d3") });
});
afterAll(async () => {
  await w?.cleanup();
});

async function submitted() {
  const citizen = w.actors.citizen;
  const draft = await saveCaseDraft({ actor: citizen, procedure: "SWORN_TRANSLATION", formData: FORM }, { db: w.db });
  await storeUpload(citizen, { kind: "TRANSLATION", originalName: "traduccion-acta.pdf", caseId: draft.caseId, body: Readable.from([await makeScanPdf("traduccion jurada del frances", 3)]) }, {
    db: w.db,
    storage: w.storage,
    tmpDir: path.join(w.root, "tmp"),
  });
  const sent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, { db: w.db });
  expect(sent.state).toBe("CENTRAL_REVIEW");
  return { caseId: draft.caseId, version: sent.version };
}

describe("D.3 issued by the central office", () => {
  it("refuses to issue while the translator is inactive, then issues one valid central signature over sheet and translation", async () => {
    const c = await submitted();
    const entry = await w.db.swornTranslator.findFirstOrThrow({ where: { dideducRegistrationNumber: "TJ-GN-0042" } });
    const admin = await w.db.user.findFirstOrThrow({ where: { roles: { has: "ADMIN" } } });
    await setSwornTranslatorActive({ actor: { id: admin.id, roles: admin.roles }, translatorId: entry.id, active: false, reason: "Suspensión notificada por la DIDEDUC" }, { db: w.db });

    const refused = await signAndIssue({ actor: w.actors.assistant, caseId: c.caseId, expectedVersion: c.version, signer: w.signer("central-assistant"), ip: null }, w.options).catch((e) => e);
    expect(refused).toMatchObject({ code: "TRANSLATOR_NOT_VALID" });
    expect(refused.message).toContain("No se puede certificar esta traducción: Ana Lucía Méndez Ruiz está registrada como traductora jurada, pero su registro no está activo");
    expect(await w.db.case.findUniqueOrThrow({ where: { id: c.caseId } })).toMatchObject({ state: "CENTRAL_REVIEW", version: c.version, verificationCode: null });
    expect(await w.db.documentVersion.count({ where: { caseId: c.caseId } })).toBe(0);
    expect(await w.db.signature.count({ where: { caseId: c.caseId } })).toBe(0);
    // The preview says the same, instead of printing a sheet the office could not sign.
    await expect(previewCertification({ actor: w.actors.assistant, caseId: c.caseId }, w.options)).rejects.toMatchObject({ code: "TRANSLATOR_NOT_VALID" });

    await setSwornTranslatorActive({ actor: { id: admin.id, roles: admin.roles }, translatorId: entry.id, active: true, reason: "Suspensión levantada por la DIDEDUC" }, { db: w.db });
    const preview = await previewCertification({ actor: w.actors.assistant, caseId: c.caseId }, w.options);
    expect(preview.subarray(0, 5).toString()).toBe("%PDF-");

    const issued = await signAndIssue({ actor: w.actors.assistant, caseId: c.caseId, expectedVersion: c.version, signer: w.signer("central-assistant"), ip: null }, w.options);
    expect(issued).toEqual({ version: c.version + 1, state: "ISSUED" });

    const sheet = ZCertificationSheetData.parse((await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: c.caseId } })).data);
    expect(sheet.title).toBe("Certificación de traducción jurada");
    expect(sheet.holder.fullName).toBe("Camille Élodie Bac Xol");
    // "Número de acuerdo o resolución" (D.3, activity 3) printed once, with its kind as registered.
    expect(sheet.statement).toContain(
      "Ana Lucía Méndez Ruiz, traductora jurada del idioma francés, nombrada mediante Acuerdo Ministerial número 2418-2019 y registrada en la " +
        "Dirección Departamental de Educación de Guatemala Norte con el número TJ-GN-0042, se encuentra inscrita en el registro de traductores jurados",
    );
    expect(sheet.statement).toContain("que es responsabilidad de la traductora jurada.");
    expect(sheet.statement).not.toMatch(/traductor jurado|nombrado|inscrito|resolución número Acuerdo/);
    expect(sheet.fields).toEqual([
      { label: "Documento traducido", value: "Acta de nacimiento, República Francesa" },
      { label: "Idioma", value: "francés" },
      { label: "Traductora jurada", value: "Ana Lucía Méndez Ruiz" },
      { label: "Número de registro en la DIDEDUC", value: "TJ-GN-0042 (Dirección Departamental de Educación de Guatemala Norte)" },
      { label: "Acuerdo o resolución de nombramiento", value: "Acuerdo Ministerial 2418-2019" },
    ]);
    expect(sheet.attachedPages).toBe(3);

    const version = await w.db.documentVersion.findFirstOrThrow({ where: { caseId: c.caseId, stage: "ISSUED" } });
    const file = path.join(w.root, `d3-${c.caseId}.pdf`);
    const bytes = await w.storage.get(version.storageKey);
    fs.writeFileSync(file, bytes);
    // One central signature, timestamped, then DSS and document timestamp (B-LTA layout).
    expectLongTermPdf(bytes, { rootPem: w.pki.rootPem, signers: 1, file, nss });
    expect(version.padesLevel).toBe("B-LTA");
    // What a reader of the issued file sees (poppler), signature checked by pdfsig above.
    const printed = await flatText(file);
    expect(printed).toContain("Traductora jurada Ana Lucía Méndez Ruiz");
    expect(printed).toContain("traductora jurada del idioma francés, nombrada mediante Acuerdo Ministerial número 2418-2019 y registrada en la");
    expect(printed).toContain("se encuentra inscrita en el registro de traductores jurados");
    expect(printed).not.toMatch(/traductor jurado|nombrado|inscrito/);

    const mails = await w.db.outboxMail.findMany({ where: { caseId: c.caseId }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining("Recibimos su solicitud"), expect.stringContaining("fue emitida")]);
  });

  it('"El nombre del traductor" as the registry holds it: a masculine entry prints "traductor jurado", one without a stated form "traductor(a) jurado(a)" (set by the administration, audited)', async () => {
    const c = await submitted();
    const entry = await w.db.swornTranslator.findFirstOrThrow({ where: { dideducRegistrationNumber: "TJ-GN-0042" } });
    const admin = await w.db.user.findFirstOrThrow({ where: { roles: { has: "ADMIN" } } });
    const actor = { id: admin.id, roles: admin.roles };
    const previewText = async (name: string) => {
      const file = path.join(w.root, `d3-preview-${name}.pdf`);
      fs.writeFileSync(file, await previewCertification({ actor: w.actors.assistant, caseId: c.caseId }, w.options));
      return flatText(file);
    };
    try {
      await setSwornTranslatorGender({ actor, translatorId: entry.id, gender: "MASCULINE" }, { db: w.db });
      const masculine = await previewText("masculine");
      expect(masculine).toContain("Traductor jurado Ana Lucía Méndez Ruiz");
      expect(masculine).toContain("traductor jurado del idioma francés, nombrado mediante Acuerdo Ministerial número 2418-2019 y registrado en la");
      expect(masculine).toContain("se encuentra inscrito en el registro");

      await setSwornTranslatorGender({ actor, translatorId: entry.id, gender: null }, { db: w.db });
      const inclusive = await previewText("inclusive");
      expect(inclusive).toContain("Traductor(a) jurado(a) Ana Lucía Méndez Ruiz");
      expect(inclusive).toContain("traductor(a) jurado(a) del idioma francés, nombrado(a) mediante");
      expect(inclusive).toContain("se encuentra inscrito(a) en el registro");

      // Each change audited with the value before and after; the same value again is refused.
      const events = await w.db.auditEvent.findMany({ where: { action: "admin.set_translator_gender" }, orderBy: { id: "asc" } });
      expect(events.map((e) => e.data)).toEqual([
        expect.objectContaining({ translatorId: entry.id, from: "FEMININE", to: "MASCULINE" }),
        expect.objectContaining({ translatorId: entry.id, from: "MASCULINE", to: null }),
      ]);
      await expect(setSwornTranslatorGender({ actor, translatorId: entry.id, gender: null }, { db: w.db })).rejects.toMatchObject({ code: "NO_CHANGE" });
      const citizen = w.actors.citizen;
      await expect(setSwornTranslatorGender({ actor: { id: citizen.id, roles: [...citizen.roles] }, translatorId: entry.id, gender: "FEMININE" }, { db: w.db })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    } finally {
      await w.db.swornTranslator.update({ where: { id: entry.id }, data: { gender: "FEMININE" } });
    }
  });
});
