// `npm run bench`: times the signing pipeline (render the certification sheet, merge it with the
// scanned document, two PAdES signatures) step by step and the validation of the result, beside a
// FLOOR measured in the same run: SHA-256 over the same bytes twice plus two RSA-2048 signatures,
// the work no implementation can skip. Not a test: it prints figures, it asserts nothing (tests
// assert no durations; this is where speed is measured). Medians; warm-up runs are left out.
// Runs with NODE_ENV=production (package.json), as the server does.
//
// The scans are synthetic (pdf-lib pages each holding one JPEG of random data), so their size is
// exact and nothing needs to decode them.
import { spawnSync } from "node:child_process";
import { createHash, createPrivateKey, sign } from "node:crypto";
import zlib from "node:zlib";
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from "pdf-lib";
import { buildCertificationPdf } from "../lib/pdf/build-certification-pdf";
import { buildCertifyingStatement, dideducOfficeName } from "../lib/pdf/certifying-statement";
import { CENTRAL_OFFICE, studiesTable, type TCertificationSheetInput } from "../lib/pdf/sheet-data";
import { validatePdfSignatures } from "../lib/pdf/validate-pdf-signatures";
import { createKeySigner } from "../lib/signing/create-key-signer";
import { findPdfStreams } from "../lib/uploads/find-pdf-streams";
import { inspectPdf } from "../lib/uploads/inspect-pdf";
import { DECODE_RATIO_FLOOR_MB, MAX_DECODE_RATIO, MAX_DECODED_MB } from "../lib/uploads/limits";
import { measureDecodedStreams } from "../lib/uploads/measure-decoded-streams";
import { extendToLongTerm } from "../lib/signing/extend-to-long-term";
import { signPdf, signPdfWithDetails } from "../lib/signing/sign-pdf";
import type { DocumentSigner } from "../lib/signing/signer";
import { createTestPki, pemToDer, type TTestIdentity } from "../tests/helpers/pki-fixtures";
import { createServedTestPki } from "../tests/helpers/served-test-pki";
import { makeScanPdf, signingOptions } from "../tests/unit/signing/fixtures";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
// React-PDF runs a lot of code: its first few dozen renders run before the JIT has settled on it
// (a server renders sheets all day; these runs are left out of the medians).
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);

// The real render + merge of a case (React-PDF sheet with embedded font and vector QR, pdf-lib
// merge with classic cross-reference tables), fed D.1.1-like data. Every run gets a different case:
// no two runs share a holder, a school, a case number or a code (the names and surnames recur, as
// they do in life; the years and grade names recur too). So caches that outlive a render (fonts,
// the shaping of words, the layout of the fixed wording) help only as much as they would from one
// real case to the next.
const GIVEN = ["María José", "Juan Carlos", "Ana Lucía", "Pedro Pablo", "Rosa Elena", "José Ángel", "Lucía Fernanda", "Ixchel", "Tomás", "Begoña"];
const FIRST_SURNAME = ["Ñúñez", "Pérez", "Tzul", "López", "Cabrera", "Ramírez", "Ortíz", "Gómez", "Méndez"];
const SECOND_SURNAME = ["Peñate", "Ajú", "Xicará", "Güinea", "Chávez", "Ixcoy", "Batz", "Yax", "Coc", "Tum", "Sic"];
const SCHOOLS = ["Escuela Oficial Rural Mixta «José Martí», Cantón Chichiquí, Salcajá", "Escuela Oficial Urbana de Niñas, Zona 1", "Colegio Mixto San Judas Tadeo, San Juan Ostuncalco", "INEB de Telesecundaria, aldea Tierra Colorada"];
const CODE_CHARS = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

function sheetInput(run: number): TCertificationSheetInput {
  const dideduc = dideducOfficeName("Quetzaltenango");
  // 10 × 9 × 11 = 990 distinct holders, far more than a bench's runs.
  const holder = `${GIVEN[run % GIVEN.length]} ${FIRST_SURNAME[run % FIRST_SURNAME.length]} ${SECOND_SURNAME[run % SECOND_SURNAME.length]}`;
  const code = Array.from({ length: 12 }, (_, i) => CODE_CHARS[(run * 31 + i * 17 + i * i * run) % CODE_CHARS.length]).join("");
  const dashed = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
  return {
    procedure: "EDUCATIONAL_RECORD",
    issuingOffices: [dideduc, CENTRAL_OFFICE],
    caseNumber: `EE-2026-${String(100 + run).padStart(6, "0")}`,
    title: "Certificación electrónica de expediente educativo",
    holder: { fullName: holder, cui: `${2345 + run} 67890 0101` },
    studyMode: "SCHOOL",
    documents: [{ label: "Certificados de estudio" }],
    studies: studiesTable(
      "SCHOOL",
      ["Primero", "Segundo", "Tercero", "Cuarto", "Quinto", "Sexto"].map((grade, i) => ({
        gradeOrStage: `${grade} primaria`,
        year: 1980 + run + i,
        // Each case its own schools: "n.º" and the run make the name new.
        schoolOrProgram: SCHOOLS[(run + (i >> 1)) % SCHOOLS.length].replace(",", ` n.º ${run * 3 + (i >> 1)},`),
      })),
    ),
    statement: buildCertifyingStatement({ procedure: "EDUCATIONAL_RECORD", dideducOffice: dideduc, holderName: holder, studyMode: "SCHOOL" }),
    signers: [
      { name: "Licda. Ana Lucía Pérez Ajú", post: "Directora Departamental de Educación", office: dideduc },
      { post: "Asistente de Atención al Ciudadano", office: CENTRAL_OFFICE },
    ],
    issueDate: "2026-03-15",
    verification: { url: `https://certifica.mineduc.gob.gt/verificar/${dashed}`, code: dashed },
  };
}

let caseCounter = 0;

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

type TSteps = { sheet: number[]; merge: number[]; sign1: number[]; sign2: number[]; total: number[]; floor: number[]; validation: number[] };

async function bench(label: string, scan: Buffer, first: DocumentSigner, second: DocumentSigner, trustedRoots: string[]) {
  const rsaKey = createPrivateKey(createTestPki().jose.keyPem);
  const steps: TSteps = { sheet: [], merge: [], sign1: [], sign2: [], total: [], floor: [], validation: [] };
  let output: Buffer = Buffer.alloc(0);
  let sheetPages = 0;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    // The pipeline: what a case goes through from "generate" to "issued", every run a new case.
    const t0 = performance.now();
    const built = await buildCertificationPdf({ sheet: sheetInput(caseCounter++), scans: [scan] });
    const t1 = performance.now();
    const once = await signPdf(built.pdf, first, signingOptions("José Pérez Gómez"));
    const t2 = performance.now();
    output = await signPdf(once, second, signingOptions("María Fernanda Núñez Ibáñez"));
    const t3 = performance.now();

    // The floor, on the same bytes: SHA-256 over the file twice and two RSA-2048 signatures.
    const f0 = performance.now();
    createHash("sha256").update(built.pdf).digest();
    createHash("sha256").update(once).digest();
    sign("sha256", output.subarray(0, 300), rsaKey);
    sign("sha256", output.subarray(300, 600), rsaKey);
    const f1 = performance.now();

    const v0 = performance.now();
    const report = validatePdfSignatures(output, { trustedRoots });
    const v1 = performance.now();
    if (!report.valid || report.signatures.length !== 2) throw new Error(`La salida no valida: ${JSON.stringify(report.errors)}`);
    if (run < WARMUP) continue;
    sheetPages = built.sheetPages;
    steps.sheet.push(built.timings.sheetMs);
    steps.merge.push(built.timings.mergeMs);
    steps.sign1.push(t2 - t1);
    steps.sign2.push(t3 - t2);
    steps.total.push(t3 - t0);
    steps.floor.push(f1 - f0);
    steps.validation.push(v1 - v0);
    if (process.env.BENCH_VERBOSE) {
      const r = run - WARMUP + 1;
      console.log(`  run ${r}: sheet ${ms(built.timings.sheetMs)}, merge ${ms(built.timings.mergeMs)}, sign 1 ${ms(t2 - t1)}, sign 2 ${ms(t3 - t2)}, total ${ms(t3 - t0)}, floor ${ms(f1 - f0)}`);
    }
  }
  const total = median(steps.total);
  const floor = median(steps.floor);
  const signing = median(steps.sign1) + median(steps.sign2);
  console.log(`\n${label}: scan ${(scan.length / 1e6).toFixed(2)} MB → signed ${(output.length / 1e6).toFixed(2)} MB (median of ${RUNS})`);
  console.log(`  sheet (React-PDF)   ${ms(median(steps.sheet))}   (${sheetPages} pages, the signers and verification box on the last)`);
  console.log(`  merge (pdf-lib)     ${ms(median(steps.merge))}   (scans read, sheet pages in front, saved)`);
  console.log(`  signature 1         ${ms(median(steps.sign1))}`);
  console.log(`  signature 2         ${ms(median(steps.sign2))}`);
  console.log(`  pipeline total      ${ms(total)}   FLOOR ${ms(floor).trim()}   ratio ${(total / floor).toFixed(1)}×`);
  console.log(`  two signatures only ${ms(signing)}   FLOOR ${ms(floor).trim()}   ratio ${(signing / floor).toFixed(1)}×`);
  console.log(`  validation          ${ms(median(steps.validation))}   (2 signatures)`);
  return { total, floor, validation: median(steps.validation) };
}

const pki = createTestPki();
const first = keySigner(pki.jose);
const second = keySigner(pki.maria);
console.log(`Node ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? "(unset)"}, ${RUNS} runs after ${WARMUP} warm-up runs`);
await bench("2 pages, ≈1 MB", await makeScanPdf(2, 1_000_000), first, second, [pki.root.certPem]);
const big = await bench("10 pages, ≈5 MB", await makeScanPdf(10, 5_000_000), first, second, [pki.root.certPem]);
console.log(
  `\nGoals for 10 pages/5 MB: pipeline ≤ 150 ms (${big.total <= 150 ? "met" : "NOT met"}), ` +
    `≤ 5× floor (${big.total <= 5 * big.floor ? "met" : "NOT met"}), validation ≤ 15 ms (${big.validation <= 15 ? "met" : "NOT met"}).`,
);

// Upload inspection (inspectPdf, run on every upload): the whole check, and the part of it that is
// the decompression-bomb check (find the streams, decode those with general-purpose filters).
// JPEG scans are the usual case (their images are not decoded); a lossless grayscale scan, whose
// page images are Flate streams, is the most decoding a file that is accepted can ask for.
const UPLOAD_RUNS = Number(process.env.BENCH_UPLOAD_RUNS ?? 9);

async function benchInspection(label: string, pdf: Buffer) {
  const inspect: number[] = [];
  const decodeCheck: number[] = [];
  let decoded = 0;
  let pages = 0;
  const budget = Math.min(MAX_DECODED_MB * 2 ** 20, Math.max(DECODE_RATIO_FLOOR_MB * 2 ** 20, MAX_DECODE_RATIO * pdf.length));
  for (let run = 0; run < UPLOAD_RUNS + 2; run++) {
    const t0 = performance.now();
    const measured = await measureDecodedStreams(pdf, findPdfStreams(pdf), { budget, inputBudget: 4 * pdf.length + 2 ** 20 });
    const t1 = performance.now();
    pages = (await inspectPdf(pdf)).pages;
    const t2 = performance.now();
    if (run < 2) continue;
    decoded = measured.decodedBytes;
    decodeCheck.push(t1 - t0);
    inspect.push(t2 - t1);
  }
  console.log(`  ${label.padEnd(42)} ${(pdf.length / 1e6).toFixed(1).padStart(5)} MB, ${String(pages).padStart(2)} pages, decodes to ${(decoded / 1e6).toFixed(0).padStart(3)} MB: inspectPdf ${ms(median(inspect))}, of which bomb check ${ms(median(decodeCheck))}`);
}

// A 300 ppp A4 grayscale page stored losslessly (Flate), as some scanners do: dark strokes in
// lines of "words" and light sensor noise, deflated once and repeated on every page; as many pages
// as fit in `maxBytes`, at most `maxPages`.
async function losslessGrayScan(maxPages: number, maxBytes: number): Promise<Buffer> {
  const width = 2480;
  const height = 3508;
  const px = Buffer.alloc(width * height, 255);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let line = 0; line < 60; line++) {
    const top = 200 + line * 52;
    for (let x = 200; x < width - 200; ) {
      const word = 20 + Math.floor(rnd() * 120);
      for (let y = top; y < top + 30; y++) for (let xx = x; xx < Math.min(x + word, width - 200); xx++) if (rnd() < 0.45) px[y * width + xx] = Math.floor(rnd() * 90);
      x += word + 25;
    }
  }
  for (let i = 0; i < px.length; i += 5) if (rnd() < 0.3) px[i] = 235 + Math.floor(rnd() * 20);
  const data = zlib.deflateSync(px, { level: 6 });
  const pages = Math.min(maxPages, Math.floor(maxBytes / (data.length + 1000)));
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    const image = doc.context.register(
      doc.context.stream(data, { Type: "XObject", Subtype: "Image", Width: width, Height: height, ColorSpace: "DeviceGray", BitsPerComponent: 8, Filter: "FlateDecode" }),
    );
    const name = page.node.newXObject("Im", image);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(595, 0, 0, 842, 0, 0), drawObject(name), popGraphicsState());
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

// Long-term signatures (issue #10): what the signature timestamp and the DSS + document timestamp
// add to a signing, against the test PKI's real services on 127.0.0.1 (openssl ts -reply, openssl
// ocsp and openssl ca -gencrl behind HTTP, one openssl process per request). Network to 127.0.0.1
// and the openssl runs are included, as a local TSA would cost; an accredited TSA over the internet
// adds its round trips. Separate lines, so the pipeline's figures above stay comparable.
const LONG_TERM_RUNS = Number(process.env.BENCH_LONG_TERM_RUNS ?? 9);

async function benchLongTerm(label: string, scan: Buffer) {
  const served = await createServedTestPki();
  try {
    const trustedRoots = served.trustedRoots;
    const jose = keySigner(served.jose);
    const ecdsa = keySigner(served.ecdsa);
    let network = 0;
    const timedFetch: typeof fetch = async (url, init) => {
      const t = performance.now();
      try {
        const response = await fetch(url, init);
        await response.clone().arrayBuffer();
        return response;
      } finally {
        network += performance.now() - t;
      }
    };
    const steps = { plain: [] as number[], timestamped: [] as number[], tsaRequest: [] as number[], longTerm: [] as number[], longTermNetwork: [] as number[], dssBytes: 0, finalBytes: 0 };
    for (let run = 0; run < LONG_TERM_RUNS + 2; run++) {
      const built = await buildCertificationPdf({ sheet: sheetInput(caseCounter++), scans: [scan] });
      const once = await signPdfWithDetails(built.pdf, ecdsa, { ...signingOptions("Begoña Muñoz Peña"), timestamp: { tsa: served.tsa, trustedRoots } });
      const t0 = performance.now();
      await signPdf(once.pdf, jose, signingOptions("José Pérez Gómez"));
      const t1 = performance.now();
      network = 0;
      const twice = await signPdfWithDetails(once.pdf, jose, { ...signingOptions("José Pérez Gómez"), timestamp: { tsa: served.tsa, trustedRoots, fetch: timedFetch } });
      const t2 = performance.now();
      const tsaRequest = network;
      network = 0;
      const extended = await extendToLongTerm(twice.pdf, { tsa: served.tsa, trustedRoots, now: new Date(), fetch: timedFetch });
      const t3 = performance.now();
      if (run < 2) continue;
      steps.plain.push(t1 - t0);
      steps.timestamped.push(t2 - t1);
      steps.tsaRequest.push(tsaRequest);
      steps.longTerm.push(t3 - t2);
      steps.longTermNetwork.push(network);
      steps.dssBytes = extended.pdf.length - twice.pdf.length;
      steps.finalBytes = extended.pdf.length;
    }
    console.log(`\n${label}, long-term signatures (median of ${LONG_TERM_RUNS}; services on 127.0.0.1):`);
    console.log(`  signature, no timestamp        ${ms(median(steps.plain))}`);
    console.log(`  signature + signature timestamp ${ms(median(steps.timestamped))}   (of which the TSA request ${ms(median(steps.tsaRequest)).trim()})`);
    console.log(`  DSS + document timestamp       ${ms(median(steps.longTerm))}   (of which OCSP ×3 and the TSA request ${ms(median(steps.longTermNetwork)).trim()}; +${(steps.dssBytes / 1024).toFixed(0)} KB → ${(steps.finalBytes / 1e6).toFixed(2)} MB)`);
  } finally {
    await served.close();
  }
}

await benchLongTerm("10 pages, ≈5 MB", await makeScanPdf(10, 5_000_000));

console.log(`\nUpload inspection (median of ${UPLOAD_RUNS}):`);
await benchInspection("10 pages of JPEG scans", await makeScanPdf(10, 5_000_000));
await benchInspection("40 pages of JPEG scans", await makeScanPdf(40, 20_000_000));
// 22 pages decode to ≈ 191 MB, just under the 200 MB bound.
await benchInspection("lossless grayscale 300 ppp (Flate) scan", await losslessGrayScan(22, 19_500_000));

// Memory of receiving an upload, in a process of its own (see the script).
spawnSync(process.execPath, ["--conditions=react-server", "--expose-gc", "--import", "tsx", "scripts/bench-upload-memory.mts"], { stdio: "inherit" });
