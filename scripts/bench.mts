// `npm run bench`: times the signing pipeline (render the certification sheet, merge it with the
// scanned document, two PAdES signatures) and the validation of the result, beside a FLOOR
// measured in the same run: SHA-256 over the same bytes twice plus two RSA-2048 signatures, the
// work no implementation can skip. Not a test: it prints figures, it asserts nothing.
//
// The scans are synthetic (pdf-lib pages each holding one JPEG of random data), so their size is
// exact and nothing needs to decode them.
import { createHash, createPrivateKey, sign } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import QRCode from "qrcode";
import { createElement as h } from "react";
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { validatePdfSignatures } from "../lib/pdf/validate-pdf-signatures";
import { createKeySigner } from "../lib/signing/create-key-signer";
import { signPdf } from "../lib/signing/sign-pdf";
import type { DocumentSigner } from "../lib/signing/signer";
import { createTestPki, pemToDer, type TTestIdentity } from "../tests/helpers/pki-fixtures";
import { makeScanPdf, signingOptions } from "../tests/unit/signing/fixtures";

export type TRenderSheet = () => Promise<Buffer>;
export type TMergePdfs = (sheet: Buffer, scan: Buffer) => Promise<Buffer>;

const RUNS = 7;
const WARMUP = 2;

const styles = StyleSheet.create({
  page: { padding: 48, fontSize: 11, fontFamily: "Helvetica" },
  title: { fontSize: 16, marginBottom: 16 },
  row: { marginBottom: 6 },
  qr: { width: 110, height: 110, marginTop: 24 },
});

// Stand-in for the real certification sheet (it comes later); same library, same shape of work.
const renderSheet: TRenderSheet = async () => {
  const qr = await QRCode.toBuffer("https://certifica.mineduc.gob.gt/verificar/EE-2026-000123", { type: "png", margin: 1 });
  const doc = h(
    Document,
    { title: "Hoja de certificación", author: "Ministerio de Educación" },
    h(
      Page,
      { size: "LETTER", style: styles.page },
      h(Text, { style: styles.title }, "Certificación electrónica de documento educativo"),
      h(View, null, [
        h(Text, { key: 1, style: styles.row }, "Expediente: EE-2026-000123"),
        h(Text, { key: 2, style: styles.row }, "Titular: José Pérez Gómez"),
        h(Text, { key: 3, style: styles.row }, "Documento: Certificado de estudios, Educación Diversificada"),
        h(Text, { key: 4, style: styles.row }, "Dirección Departamental de Educación Guatemala Norte"),
      ]),
      h(Image, { style: styles.qr, src: qr }),
    ),
  );
  return Buffer.from(await renderToBuffer(doc));
};

// Sheet first, then the scan's pages; classic cross-reference tables so it can be signed.
const mergePdfs: TMergePdfs = async (sheet, scan) => {
  const merged = await PDFDocument.load(scan);
  const sheetDoc = await PDFDocument.load(sheet);
  const pages = await merged.copyPages(sheetDoc, sheetDoc.getPageIndices());
  pages.forEach((page, i) => merged.insertPage(i, page));
  return Buffer.from(await merged.save({ useObjectStreams: false }));
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

// Keys read straight from the test PKI's PEM files: the PKCS#12 route costs ≈ 50 ms per opening
// in forge and happens once per person per signing, outside this pipeline.
function keySigner(who: TTestIdentity): DocumentSigner {
  return createKeySigner(createPrivateKey(who.keyPem), { certificate: who.certDer, chain: who.chainPems.map(pemToDer) });
}

async function bench(label: string, scan: Buffer, first: DocumentSigner, second: DocumentSigner, trustedRoots: string[]) {
  const rsaKey = createPrivateKey(createTestPki().jose.keyPem);
  const steps = { render: [] as number[], merge: [] as number[], sign1: [] as number[], sign2: [] as number[], total: [] as number[] };
  const floors: number[] = [];
  const validations: number[] = [];
  let output = Buffer.alloc(0);
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const t0 = performance.now();
    const sheet = await renderSheet();
    const t1 = performance.now();
    const merged = await mergePdfs(sheet, scan);
    const t2 = performance.now();
    const once = await signPdf(merged, first, signingOptions("José Pérez Gómez"));
    const t3 = performance.now();
    output = await signPdf(once, second, signingOptions("María Fernanda Núñez Ibáñez"));
    const t4 = performance.now();

    const f0 = performance.now();
    createHash("sha256").update(merged).digest();
    createHash("sha256").update(once).digest();
    sign("sha256", output.subarray(0, 300), rsaKey);
    sign("sha256", output.subarray(300, 600), rsaKey);
    const f1 = performance.now();

    const v0 = performance.now();
    const report = validatePdfSignatures(output, { trustedRoots });
    const v1 = performance.now();
    if (!report.valid) throw new Error(`La salida no valida: ${JSON.stringify(report.errors)}`);
    if (run < WARMUP) continue;
    steps.render.push(t1 - t0);
    steps.merge.push(t2 - t1);
    steps.sign1.push(t3 - t2);
    steps.sign2.push(t4 - t3);
    steps.total.push(t4 - t0);
    floors.push(f1 - f0);
    validations.push(v1 - v0);
  }
  const total = median(steps.total);
  const signing = median(steps.sign1) + median(steps.sign2);
  const floor = median(floors);
  console.log(`\n${label}: scan ${(scan.length / 1e6).toFixed(2)} MB → signed ${(output.length / 1e6).toFixed(2)} MB (median of ${RUNS})`);
  console.log(`  render sheet        ${ms(median(steps.render))}`);
  console.log(`  merge               ${ms(median(steps.merge))}`);
  console.log(`  signature 1         ${ms(median(steps.sign1))}`);
  console.log(`  signature 2         ${ms(median(steps.sign2))}`);
  console.log(`  pipeline total      ${ms(total)}   FLOOR ${ms(floor).trim()}   ratio ${(total / floor).toFixed(1)}×`);
  console.log(`  two signatures only ${ms(signing)}   FLOOR ${ms(floor).trim()}   ratio ${(signing / floor).toFixed(1)}×`);
  console.log(`  validation          ${ms(median(validations))}   (${validatePdfSignatures(output, { trustedRoots }).signatures.length} signatures)`);
  return { total, floor, validation: median(validations) };
}

const pki = createTestPki();
const first = keySigner(pki.jose);
const second = keySigner(pki.maria);
console.log(`Node ${process.version}, ${RUNS} runs after ${WARMUP} warm-up runs`);
await bench("2 pages, ≈1 MB", await makeScanPdf(2, 1_000_000), first, second, [pki.root.certPem]);
const big = await bench("10 pages, ≈5 MB", await makeScanPdf(10, 5_000_000), first, second, [pki.root.certPem]);
console.log(
  `\nGoals for 10 pages/5 MB: pipeline ≤ 150 ms (${big.total <= 150 ? "met" : "NOT met"}), ` +
    `≤ 5× floor (${big.total <= 5 * big.floor ? "met" : "NOT met"}), validation ≤ 15 ms (${big.validation <= 15 ? "met" : "NOT met"}).`,
);
