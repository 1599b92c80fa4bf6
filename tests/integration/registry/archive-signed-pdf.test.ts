import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkArchiveSignedPdf } from "@/lib/registry/check-archive-signed-pdf";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { DEMO_CERTIFICATES, demoPkcs12Path } from "@/prisma/seed/demo-accounts";
import { runPdfsig, createNssDb } from "@/tests/helpers/pdfsig";
import { createTestPki } from "@/tests/helpers/pki-fixtures";
import { createRegistryWorld, type TRegistryWorld } from "./registry-world";

let w: TRegistryWorld;
let unsigned: Buffer;
let signed: Buffer;
// The seed issues the demo certificates valid from yesterday: sign an hour ago, check now.
const NOW = new Date();
const SIGNED_AT = new Date(Math.floor((NOW.getTime() - 3600_000) / 1000) * 1000);
const at = (deltaMs: number) => new Date(SIGNED_AT.getTime() + deltaMs);

async function graduationRecordPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText("Expediente de graduacion 1987 - Archivo Documental", { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

function demoSigner(key: string) {
  const def = DEMO_CERTIFICATES.find((c) => c.key === key)!;
  return openPkcs12Signer(fs.readFileSync(demoPkcs12Path(key, w.pkiDir)), def.passphrase);
}

const sign = (pdf: Buffer, signer: ReturnType<typeof openPkcs12Signer>, name = "Marta Julia Estrada Castillo") =>
  signPdf(pdf, signer, { reason: "Certificación del Archivo Documental", location: "Guatemala", name, signingTime: SIGNED_AT });

beforeAll(async () => {
  w = await createRegistryWorld();
  unsigned = await graduationRecordPdf();
  signed = await sign(unsigned, demoSigner("archive-officer"));
});
afterAll(async () => {
  await w?.cleanup();
});

describe("checkArchiveSignedPdf", () => {
  it("accepts the archive officer's signed PDF and names the signer (pdfsig agrees it is valid)", async () => {
    const result = await checkArchiveSignedPdf(signed, { ...w.options, now: NOW, typedName: "marta julia estrada castillo", typedPost: "Jefe del Archivo" });
    expect(result).toMatchObject({
      ok: true,
      signer: { authorizedSignerId: "seed-signer-archive-officer", name: "Marta Julia Estrada Castillo", post: "Encargada del Archivo Documental", chainTrusted: true },
      matchesTyped: { name: true, post: false },
    });
    if (!result.ok) throw new Error("unreachable");
    expect(result.signer.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(result.signer.signedAt?.toISOString()).toBe(SIGNED_AT.toISOString());

    const file = path.join(w.root, "archivo-firmado.pdf");
    fs.writeFileSync(file, signed);
    const pdfsig = runPdfsig(file, createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss") }));
    expect(pdfsig.signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid."]);
    expect(pdfsig.signatures[0].totalDocumentSigned).toBe(true);
  });

  it("refuses an unsigned PDF and a file that is not a PDF", async () => {
    expect(await checkArchiveSignedPdf(unsigned, { ...w.options, now: NOW })).toMatchObject({ ok: false, code: "NOT_SIGNED", message: expect.stringContaining("no tiene firma electrónica") });
    expect(await checkArchiveSignedPdf(Buffer.from("hola"), { ...w.options, now: NOW })).toMatchObject({ ok: false, code: "NOT_A_PDF" });
  });

  it("refuses a signed PDF with a byte changed", async () => {
    const altered = Buffer.from(signed);
    // The page size (in the signed range, not compressed): one digit changed.
    const where = altered.indexOf("/MediaBox [ 0 0 612 792 ]");
    expect(where).toBeGreaterThan(0);
    expect(where).toBeLessThan(unsigned.length);
    altered.write("3", where + "/MediaBox [ 0 0 612 79".length, "latin1");
    expect(await checkArchiveSignedPdf(altered, { ...w.options, now: NOW })).toMatchObject({
      ok: false,
      code: "ALTERED",
      message: expect.stringContaining("fue modificado después de firmarse"),
    });
  });

  it("refuses a signed PDF with content appended after the signature", async () => {
    const appended = Buffer.concat([signed, Buffer.from("\n99 0 obj\n(pagina agregada)\nendobj\n%%EOF\n", "latin1")]);
    expect(await checkArchiveSignedPdf(appended, { ...w.options, now: NOW })).toMatchObject({
      ok: false,
      code: "APPENDED",
      message: expect.stringContaining("se le agregó contenido después de la firma"),
    });
  });

  it("refuses a certificate outside the registry, and one registered for another office", async () => {
    const pki = createTestPki();
    const outsider = await sign(unsigned, openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase), "José Pérez Gómez");
    expect(await checkArchiveSignedPdf(outsider, { ...w.options, now: NOW })).toMatchObject({
      ok: false,
      code: "NOT_AUTHORIZED",
      signerName: "José Pérez Gómez",
      message: expect.stringContaining("no está en el registro de firmantes autorizados del Archivo Documental"),
    });
    const central = await sign(unsigned, demoSigner("central-assistant"), "Karla Beatriz Orellana Saquic");
    expect(await checkArchiveSignedPdf(central, { ...w.options, now: NOW })).toMatchObject({ ok: false, code: "NOT_AUTHORIZED" });
  });

  it("refuses the archive's certificate when revoked or outside its registry dates at signing time", async () => {
    const id = "seed-signer-archive-officer";
    const original = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id } });
    try {
      await w.db.authorizedSigner.update({ where: { id }, data: { revokedAt: at(-60_000), revokedReason: "Cambio de personal" } });
      expect(await checkArchiveSignedPdf(signed, { ...w.options, now: NOW })).toMatchObject({ ok: false, code: "REVOKED", message: expect.stringContaining("estaba revocado") });
      await w.db.authorizedSigner.update({ where: { id }, data: { revokedAt: at(86_400_000) } });
      expect(await checkArchiveSignedPdf(signed, { ...w.options, now: NOW })).toMatchObject({ ok: true });
      await w.db.authorizedSigner.update({ where: { id }, data: { revokedAt: null, revokedReason: null, validTo: at(-60_000) } });
      expect(await checkArchiveSignedPdf(signed, { ...w.options, now: NOW })).toMatchObject({ ok: false, code: "NOT_VALID_AT_SIGNING", message: expect.stringContaining("no estaba vigente") });
    } finally {
      await w.db.authorizedSigner.update({ where: { id }, data: { revokedAt: original.revokedAt, revokedReason: original.revokedReason, validTo: original.validTo } });
    }
  });
});
