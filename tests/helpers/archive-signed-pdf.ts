import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createPkcs12 } from "@/lib/pki/create-pkcs12";
import { issueSigningCertificate } from "@/lib/pki/issue-signing-certificate";
import { openPkcs12 } from "@/lib/pki/open-pkcs12";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { DEMO_CERTIFICATES, ROOT_CA_FILES, ROOT_CA_PASSPHRASE, resolvePkiDir } from "@/prisma/seed/demo-accounts";

// D.1.2 fixtures: the graduation record the Archivo Documental e-mails to a citizen, signed with
// the demo archive officer's certificate of a seeded PKI (prisma/seed/ensure-demo-pki.ts), and
// the ways it can go wrong at upload. Used by the integration tests and, through
// e2e/graduation-record-fixtures.mts, by the browser test.

export const ARCHIVE_OFFICER = DEMO_CERTIFICATES.find((c) => c.key === "archive-officer")!;

// A plain, unsigned record of `pages` pages, with classic cross-reference tables so it can be signed.
export async function makeGraduationRecordPdf(label: string, pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([612, 792]);
    page.drawText("Ministerio de Educacion - Archivo Documental", { x: 72, y: 720, size: 14, font });
    page.drawText(`Expediente de graduacion: ${label}`, { x: 72, y: 690, size: 12, font });
    page.drawText(`Folio ${i} de ${pages}`, { x: 72, y: 660, size: 12, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const signOptions = (name: string, signingTime: Date) => ({
  reason: "Certificación del expediente de graduación por el Archivo Documental",
  location: "Ciudad de Guatemala",
  name,
  signingTime,
});

// Signed by the demo archive officer (registered as an ARCHIVE signer by the seed).
export async function signAsArchive(pdf: Buffer, options: { pkiDir?: string; signingTime?: Date } = {}): Promise<Buffer> {
  const p12 = fs.readFileSync(path.join(resolvePkiDir(options.pkiDir), ARCHIVE_OFFICER.file));
  const signer = openPkcs12Signer(p12, ARCHIVE_OFFICER.passphrase);
  return signPdf(pdf, signer, signOptions(ARCHIVE_OFFICER.holderName, options.signingTime ?? new Date(Date.now() - 60_000)));
}

// Signed with a certificate the demo root issued in the archive officer's very name and unit,
// but that nobody registered: chain trusted, registry silent. Proves that the name in a
// certificate is not what makes an archive signer.
export async function signAsImpostor(pdf: Buffer, options: { pkiDir?: string; signingTime?: Date } = {}): Promise<Buffer> {
  const root = openPkcs12(fs.readFileSync(path.join(resolvePkiDir(options.pkiDir), ROOT_CA_FILES.p12)), ROOT_CA_PASSPHRASE);
  const now = Date.now();
  const holder = issueSigningCertificate({
    issuer: root,
    subject: {
      commonName: ARCHIVE_OFFICER.holderName,
      organizationalUnit: ARCHIVE_OFFICER.unit,
      organization: "Ministerio de Educación",
      country: "GT",
    },
    validFrom: new Date(now - 86_400_000),
    validTo: new Date(now + 365 * 86_400_000),
  });
  const passphrase = "Impostor-2026-Pruebas";
  const signer = openPkcs12Signer(createPkcs12({ holder, chain: [root.certificate], passphrase }), passphrase);
  return signPdf(pdf, signer, signOptions(ARCHIVE_OFFICER.holderName, options.signingTime ?? new Date(now - 60_000)));
}

// One byte of the signed part changed: the page size digit (uncompressed, well before the signature).
export function changeOneByte(signed: Buffer): Buffer {
  const altered = Buffer.from(signed);
  const marker = "/MediaBox [ 0 0 612 792 ]";
  const where = altered.indexOf(marker);
  if (where < 0) throw new Error("MediaBox no encontrado en el PDF de prueba");
  altered.write("3", where + marker.length - 3, "latin1");
  return altered;
}

// A page's worth of content appended after the signature as an incremental update.
export function appendAfterSignature(signed: Buffer): Buffer {
  return Buffer.concat([signed, Buffer.from("\n99 0 obj\n(pagina agregada despues de la firma)\nendobj\n%%EOF\n", "latin1")]);
}

// Every variant of a D.1.2 upload, for one record.
export async function makeArchiveUploads(label: string, options: { pkiDir?: string; signingTime?: Date } = {}) {
  const unsigned = await makeGraduationRecordPdf(label);
  const signed = await signAsArchive(unsigned, options);
  return {
    unsigned,
    signed,
    altered: changeOneByte(signed),
    appended: appendAfterSignature(signed),
    impostor: await signAsImpostor(unsigned, options),
  };
}

// Every embedded file of a PDF, extracted by poppler's pdfdetach (-saveall), as name → bytes.
export function extractAttachments(pdfFile: string, outDir: string): Map<string, Buffer> {
  fs.mkdirSync(outDir, { recursive: true });
  const list = spawnSync("pdfdetach", ["-list", pdfFile], { encoding: "utf8" });
  if (list.status !== 0) throw new Error(`pdfdetach -list falló: ${list.stderr}`);
  const saved = spawnSync("pdfdetach", ["-saveall", "-o", outDir, pdfFile], { encoding: "utf8" });
  if (saved.status !== 0) throw new Error(`pdfdetach -saveall falló: ${saved.stderr}`);
  const out = new Map<string, Buffer>();
  for (const name of fs.readdirSync(outDir)) out.set(name, fs.readFileSync(path.join(outDir, name)));
  return out;
}
