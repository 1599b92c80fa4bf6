import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAuthorizedSigner } from "@/lib/admin/register-authorized-signer";
import { generateCertification } from "@/lib/cases/generate-certification";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { pdfWordBoxes, pdfWordsInside } from "@/tests/unit/pdf/poppler";
import { CHECKLIST, createCertifyWorld, type TCertifyWorld } from "./certify-world";

// Issue #12 point 2 on PostgreSQL with the demo PKI: who may sign for a DIDEDUC follows its type
// (decision 0014) at signing too, and the issued file names the post of the person who signed.

let w: TCertifyWorld;
beforeAll(async () => {
  w = await createCertifyWorld();
  // Quetzaltenango (type A) has its Jefe del Departamento Técnico Pedagógico in the seed; a second
  // person is registered as its Director, so the sheet cannot know who will sign.
  const admin = await w.db.user.findUniqueOrThrow({ where: { email: "admin@demo.certifica.gt" } });
  await registerAuthorizedSigner(
    { id: admin.id, roles: admin.roles },
    {
      office: "DIDEDUC",
      dideducId: w.xela.id,
      signerPost: "DIRECTOR",
      gender: "MASCULINE",
      fileName: "signer-guatemala-norte.cert.pem",
      certificate: new Uint8Array(fs.readFileSync(path.join(w.pkiDir, "signer-guatemala-norte.cert.pem"))),
    },
    { db: w.db },
  );
});
afterAll(async () => {
  await w?.cleanup();
});

describe('"Director o Subdirector (Jefe para las tipo A y B)" at signing', () => {
  it("with two registered signers the sheet lists the posts type A allows, and the issued PDF names the Jefe who signed", async () => {
    const { db, actors, options } = w;
    const submitted = await w.caseInReview(undefined, w.xela.id);
    const generated = await generateCertification({ actor: actors.reviewerXela, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, options);
    const sheet = ZCertificationSheetData.parse((await db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } })).data);
    expect(sheet.signers[0]).toMatchObject({
      role: "DIDEDUC",
      post: "Director(a) Departamental de Educación o Jefe(a) del Departamento Técnico Pedagógico",
    });
    expect(sheet.signers[0].name).toBeUndefined();

    const signed = await signCertification({ actor: actors.signerXela, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-quetzaltenango") }, options);
    await signAndIssue({ actor: actors.assistant, caseId: submitted.id, expectedVersion: signed.version, signer: w.signer("central-assistant") }, options);
    const issued = await w.expectIssuedPdfValid(submitted.id);
    const file = path.join(w.root, "xela-issued.pdf");
    fs.writeFileSync(file, issued);

    const box = sheet.signatureBoxes!.find((b) => b.role === "DIDEDUC")!;
    const drawn = await pdfWordsInside(file, box.pageIndex + 1, box.rect);
    expect(drawn).toContain("Héctor Rolando Xicará Monzón Jefe del Departamento Técnico Pedagógico Dirección Departamental de Educación de Quetzaltenango");
    expect(drawn).not.toContain("Director");
    const text = (await pdfWordBoxes(file)).filter((x) => x.page === box.pageIndex + 1).map((x) => x.word).join(" ");
    expect(text).toContain("Director(a) Departamental de Educación o Jefe(a) del Departamento Técnico Pedagógico");
    expect(text).not.toContain("Subdirector");
  });

  it("refuses the signature, next to the certificate and writing nothing, when the DIDEDUC's type no longer allows the signer's post", async () => {
    const { db, actors, options } = w;
    const submitted = await w.caseInReview(undefined, w.xela.id);
    const generated = await generateCertification({ actor: actors.reviewerXela, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, options);
    // The DIDEDUC became type C (it now has a Subdirección): its Jefe no longer signs.
    await db.dideduc.update({ where: { id: w.xela.id }, data: { type: "C" } });
    try {
      const attempt = signCertification({ actor: actors.signerXela, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-quetzaltenango") }, options);
      await expect(attempt).rejects.toMatchObject({
        name: "SigningRefusal",
        code: "POST_NOT_ALLOWED",
        fieldErrors: {
          pkcs12: [
            "El puesto Jefe(a) del Departamento Técnico Pedagógico no puede firmar por una Dirección Departamental de tipo C: solo Director(a) Departamental de Educación o Subdirector(a) Departamental de Educación. El registro de firmantes dice que Héctor Rolando Xicará Monzón firma como «Jefe del Departamento Técnico Pedagógico»: pida a Atención al Ciudadano que corrija el registro.",
          ],
        },
      });
      const after = await db.case.findUniqueOrThrow({ where: { id: submitted.id } });
      expect(after).toMatchObject({ state: "DIDEDUC_SIGNATURE", version: generated.version });
      expect(await db.signature.count({ where: { caseId: submitted.id } })).toBe(0);
    } finally {
      await db.dideduc.update({ where: { id: w.xela.id }, data: { type: "A" } });
    }
    // Back to type A, the same signature goes through.
    await expect(
      signCertification({ actor: actors.signerXela, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-quetzaltenango") }, options),
    ).resolves.toMatchObject({ state: "CENTRAL_REVIEW" });
  });
});
