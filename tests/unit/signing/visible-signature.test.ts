import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCertificationPdf } from "@/lib/pdf/build-certification-pdf";
import type { TCertificationSheetInput, TSignatureBox } from "@/lib/pdf/sheet-data";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { buildSignatureAppearance, type TSignatureAppearance } from "@/lib/signing/build-signature-appearance";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { SigningError } from "@/lib/signing/signing-error";
import { createNssDb, qpdfCheck, runPdfsig, type TNssDb } from "../../helpers/pdfsig";
import { createTestPki, type TTestIdentity, type TTestPki } from "../../helpers/pki-fixtures";
import { pdfWordBoxes, run } from "../pdf/poppler";
import { makeJpegScan } from "../pdf/scan-fixtures";
import { educationalRecordSheet } from "../pdf/sheet-fixtures";
import { makeTestPdf, signingOptions, writeTemp } from "./fixtures";

let pki: TTestPki;
let nss: TNssDb;
const signer = (who: TTestIdentity) => openPkcs12Signer(who.pkcs12, who.passphrase);
const PAGE_HEIGHT = 792;

beforeAll(() => {
  pki = createTestPki();
  nss = createNssDb([pki.root.certPem]);
}, 60_000);

// The date the lines print; the signatures themselves are made now (the test certificates start today).
const SIGNED_AT = new Date("2026-12-05T20:03:00Z");
const DIDEDUC_LINES = buildSignatureAppearance({
  name: "José Pérez Gómez",
  post: "Director Departamental de Educación",
  office: "Dirección Departamental de Educación de Quetzaltenango",
  signedAt: SIGNED_AT,
});
const CENTRAL_LINES = buildSignatureAppearance({
  name: "María Fernanda Núñez Ibáñez",
  post: "Asistente de Atención al Ciudadano",
  office: "Departamento de Atención al Ciudadano — DISERSA",
  signedAt: new Date("2026-12-05T21:47:00Z"),
});

type TWidget = { pageIndex: number; rect: number[]; flags: number; appearance: { dict: PDFDict; content: string } | null };

// The signature widgets of a PDF, by field name, with the page whose /Annots lists them.
async function readWidgets(pdf: Buffer): Promise<Map<string, TWidget>> {
  const doc = await PDFDocument.load(pdf);
  const widgets = new Map<string, TWidget>();
  doc.getPages().forEach((page, pageIndex) => {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (const item of annots?.asArray() ?? []) {
      const annot = doc.context.lookup(item);
      if (!(annot instanceof PDFDict) || annot.lookupMaybe(PDFName.of("FT"), PDFName) !== PDFName.of("Sig")) continue;
      const name = annot.lookup(PDFName.of("T"), PDFString).decodeText();
      const rect = annot.lookup(PDFName.of("Rect"), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
      const flags = annot.lookup(PDFName.of("F"), PDFNumber).asNumber();
      const normal = annot.lookupMaybe(PDFName.of("AP"), PDFDict)?.get(PDFName.of("N"));
      const stream = normal instanceof PDFRef ? (doc.context.lookup(normal) as PDFRawStream) : null;
      const appearance = stream ? { dict: stream.dict, content: Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1") } : null;
      widgets.set(name, { pageIndex, rect, flags, appearance });
    }
  });
  return widgets;
}

// mutool (MuPDF), a third independent checker: one line per signature saying its digest holds.
function mutoolVerify(file: string): { output: string; valid: number } {
  const result = spawnSync("mutool", ["sign", "-v", file], { encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  const valid = output.split("\n").filter((l) => /^\s*(The signature is valid|The document is unchanged since signing)/.test(l)).length;
  return { output, valid };
}

// Words pdftotext reads on a page (1-based) whose boxes lie inside `rect` (PDF user space).
async function wordsInside(file: string, page: number, rect: readonly number[]): Promise<string> {
  const [left, bottom, right, top] = rect;
  const words = (await pdfWordBoxes(file)).filter(
    (w) => w.page === page && w.xMin >= left && w.xMax <= right && PAGE_HEIGHT - w.yMax >= bottom && PAGE_HEIGHT - w.yMin <= top,
  );
  return words.map((w) => w.word).join(" ");
}

// Share of dark pixels inside a box, from a 144 dpi gray rendering of its page.
async function inkInside(file: string, pageIndex: number, rect: readonly number[]): Promise<number> {
  const [left, bottom, right, top] = rect;
  const prefix = `${file}-ink-${pageIndex}-${left}`;
  // 2 px per point; the frame's border (inside the box's edges) is left out.
  const x = Math.ceil(left * 2) + 4;
  const y = Math.ceil((PAGE_HEIGHT - top) * 2) + 4;
  const w = Math.floor((right - left) * 2) - 8;
  const h = Math.floor((top - bottom) * 2) - 8;
  await run("pdftoppm", ["-f", String(pageIndex + 1), "-l", String(pageIndex + 1), "-r", "144", "-gray", "-x", String(x), "-y", String(y), "-W", String(w), "-H", String(h), "-singlefile", file, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+\d+\s+\d+\s+255\s/.exec(pgm.toString("latin1", 0, 40))!;
  const pixels = pgm.subarray(header[0].length);
  return pixels.filter((p) => p < 128).length / pixels.length;
}

describe("signPdf with an appearance", { timeout: 60_000 }, () => {
  it("puts the widget on the box's page (not the first), with the box's /Rect, /F 4 and the lines drawn in it", async () => {
    // Page 3 already has an annotation: the widget joins it in that page's /Annots.
    const doc = await PDFDocument.load(await makeTestPdf({ pages: 3 }));
    const existing = doc.context.register(doc.context.obj({ Type: "Annot", Subtype: "Text", Rect: [20, 20, 40, 40], Contents: PDFString.of("nota") }));
    doc.getPage(2).node.set(PDFName.of("Annots"), doc.context.register(doc.context.obj([existing])));
    const input = Buffer.from(await doc.save({ useObjectStreams: false }));

    const appearance: TSignatureAppearance = { pageIndex: 2, rect: [314, 686.455994, 556, 740.455994], lines: CENTRAL_LINES };
    const signed = await signPdf(input, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez", { appearance }));
    expect(signed.subarray(0, input.length).equals(input)).toBe(true);
    // The box's numbers are written back digit for digit.
    expect(signed.toString("latin1", input.length)).toContain("/Rect [314 686.455994 556 740.455994]");

    const widgets = await readWidgets(signed);
    expect([...widgets.keys()]).toEqual(["Firma1"]);
    const widget = widgets.get("Firma1")!;
    expect(widget).toMatchObject({ pageIndex: 2, rect: [314, 686.455994, 556, 740.455994], flags: 4 });
    const reloaded = await PDFDocument.load(signed);
    expect(reloaded.getPage(2).node.lookup(PDFName.of("Annots"), PDFArray).size()).toBe(2);
    expect(reloaded.getPage(0).node.lookupMaybe(PDFName.of("Annots"), PDFArray)?.size() ?? 0).toBe(0);

    // The appearance: a form XObject as large as the box, Helvetica and Helvetica-Bold in WinAnsi.
    const ap = widget.appearance!;
    expect(ap.dict.lookup(PDFName.of("Subtype"), PDFName)).toBe(PDFName.of("Form"));
    expect(ap.dict.lookup(PDFName.of("BBox"), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())).toEqual([0, 0, 242, 54]);
    const fonts = ap.dict.lookup(PDFName.of("Resources"), PDFDict).lookup(PDFName.of("Font"), PDFDict);
    const fontNames = fonts.keys().map((k) => {
      const font = fonts.lookup(k, PDFDict);
      return [font.lookup(PDFName.of("BaseFont"), PDFName).asString(), font.lookup(PDFName.of("Encoding"), PDFName).asString()];
    });
    expect(fontNames).toEqual([
      ["/Helvetica", "/WinAnsiEncoding"],
      ["/Helvetica-Bold", "/WinAnsiEncoding"],
    ]);
    expect(ap.content).toContain(" Tj");

    const file = writeTemp("visible-page-3.pdf", signed);
    expect(runPdfsig(file, nss).signatures).toMatchObject([
      { fieldName: "Firma1", signatureValidation: "Signature is Valid.", certificateValidation: "Certificate is Trusted.", totalDocumentSigned: true },
    ]);
    expect(qpdfCheck(file)).toMatchObject({ exitCode: 0, clean: true });
    expect(mutoolVerify(file).valid).toBe(1);
    expect(validatePdfSignatures(signed, { trustedRoots: [pki.root.certPem] }).valid).toBe(true);
    // What any reader shows: the lines, accents and dash included, inside the box on page 3.
    expect(await wordsInside(file, 3, appearance.rect)).toBe(CENTRAL_LINES.map((l) => l.text).join(" "));
    expect(await wordsInside(file, 1, [0, 0, 612, 792])).not.toContain("María");
  });

  it("signs a certification twice, each signature drawn in its own box; all three checkers accept both", async () => {
    const sheet: TCertificationSheetInput = {
      ...educationalRecordSheet(6),
      signers: educationalRecordSheet(6).signers.map((s, i) => ({ ...s, role: i === 0 ? "DIDEDUC" : "CENTRAL" })),
    };
    const built = await buildCertificationPdf({ sheet, scans: [await makeJpegScan(1)] });
    const [dideducBox, centralBox] = built.data.signatureBoxes!;
    // The closing block is alone on page 2 of the sheet.
    expect([dideducBox.pageIndex, centralBox.pageIndex]).toEqual([1, 1]);
    const at = (box: TSignatureBox, lines: TSignatureAppearance["lines"]): TSignatureAppearance => ({ pageIndex: box.pageIndex, rect: box.rect, lines });

    const unsignedFile = writeTemp("visible-unsigned.pdf", built.pdf);
    const once = await signPdf(built.pdf, signer(pki.jose), signingOptions("José Pérez Gómez", { appearance: at(dideducBox, DIDEDUC_LINES) }));
    const twice = await signPdf(once, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez", { appearance: at(centralBox, CENTRAL_LINES) }));
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    const onceFile = writeTemp("visible-once.pdf", once);
    const file = writeTemp("visible-twice.pdf", twice);

    const pdfsig = runPdfsig(file, nss);
    expect(pdfsig.signatures.map((s) => [s.fieldName, s.signatureValidation, s.certificateValidation, s.totalDocumentSigned])).toEqual([
      ["Firma1", "Signature is Valid.", "Certificate is Trusted.", false],
      ["Firma2", "Signature is Valid.", "Certificate is Trusted.", true],
    ]);
    const check = qpdfCheck(file);
    expect(check.output).not.toMatch(/WARNING/i);
    expect(check.clean).toBe(true);
    const mutool = mutoolVerify(file);
    expect(mutool.output).not.toMatch(/Digest error/);
    expect(mutool.valid).toBe(2);
    const report = validatePdfSignatures(twice, { trustedRoots: [pki.root.certPem] });
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.valid)).toEqual([true, true]);

    // Both widgets on page 2, each in its box; the first one still listed after the second update.
    const widgets = await readWidgets(twice);
    expect([...widgets].map(([name, w]) => [name, w.pageIndex, w.rect, w.flags])).toEqual([
      ["Firma1", 1, [...dideducBox.rect], 4],
      ["Firma2", 1, [...centralBox.rect], 4],
    ]);
    // Each box shows its signer, and nothing else; the sheet's own text is unchanged around it.
    const dideducText = DIDEDUC_LINES.map((l) => l.text).join(" ");
    const centralText = CENTRAL_LINES.map((l) => l.text).join(" ");
    expect(await wordsInside(file, 2, dideducBox.rect)).toBe(dideducText);
    expect(await wordsInside(file, 2, centralBox.rect)).toBe(centralText);
    expect(await wordsInside(onceFile, 2, centralBox.rect)).toBe("");
    expect(await wordsInside(unsignedFile, 2, dideducBox.rect)).toBe("");
    const pageText = (await pdfWordBoxes(file)).filter((w) => w.page === 2).map((w) => w.word).join(" ");
    expect(pageText).toContain("Firmado electrónicamente por Licda. Ana Lucía Pérez Ajú");
    // Rasterized (poppler), the boxes are blank before their signature and inked after.
    expect(await inkInside(unsignedFile, 1, dideducBox.rect)).toBe(0);
    expect(await inkInside(onceFile, 1, dideducBox.rect)).toBeGreaterThan(0.02);
    expect(await inkInside(onceFile, 1, centralBox.rect)).toBe(0);
    expect(await inkInside(file, 1, centralBox.rect)).toBeGreaterThan(0.02);
  });

  it("finds the page in a nested page tree, counting each subtree's pages", async () => {
    // Root /Pages → [page 1, /Pages → [page 2, page 3], page 4]: the widget must go on page 3.
    const doc = await PDFDocument.load(await makeTestPdf({ pages: 4 }));
    const rootRef = doc.catalog.get(PDFName.of("Pages")) as PDFRef;
    const root = doc.context.lookup(rootRef, PDFDict);
    const [p1, p2, p3, p4] = root.lookup(PDFName.of("Kids"), PDFArray).asArray() as PDFRef[];
    const middleRef = doc.context.register(doc.context.obj({ Type: "Pages", Parent: rootRef, Kids: [p2, p3], Count: 2 }));
    for (const page of [p2, p3]) doc.context.lookup(page, PDFDict).set(PDFName.of("Parent"), middleRef);
    root.set(PDFName.of("Kids"), doc.context.obj([p1, middleRef, p4]));
    const input = Buffer.from(await doc.save({ useObjectStreams: false }));
    expect((await PDFDocument.load(input)).getPageCount()).toBe(4);

    const rect = [56, 700, 298, 740] as const;
    const signed = await signPdf(input, signer(pki.jose), signingOptions("José Pérez Gómez", { appearance: { pageIndex: 2, rect, lines: DIDEDUC_LINES } }));
    expect((await readWidgets(signed)).get("Firma1")).toMatchObject({ pageIndex: 2, rect: [...rect] });
    const file = writeTemp("visible-nested.pdf", signed);
    expect(await wordsInside(file, 3, rect)).toBe(DIDEDUC_LINES.map((l) => l.text).join(" "));
    expect(runPdfsig(file, nss).signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid."]);
    expect(qpdfCheck(file).clean).toBe(true);
  });

  it("without an appearance the signature stays invisible, on the first page, as before", async () => {
    const signed = await signPdf(await makeTestPdf({ pages: 3 }), signer(pki.jose), signingOptions("José Pérez Gómez"));
    expect(await readWidgets(signed)).toEqual(new Map([["Firma1", { pageIndex: 0, rect: [0, 0, 0, 0], flags: 132, appearance: null }]]));
  });

  it("refuses a box on a page the document does not have, or a box that is not a rectangle, writing nothing", async () => {
    const pdf = await makeTestPdf({ pages: 2 });
    const attempt = (appearance: TSignatureAppearance) =>
      signPdf(pdf, signer(pki.jose), signingOptions("José Pérez Gómez", { appearance })).catch((e: unknown) => e);
    const missingPage = await attempt({ pageIndex: 2, rect: [56, 686, 298, 740], lines: DIDEDUC_LINES });
    expect(missingPage).toBeInstanceOf(SigningError);
    expect(missingPage).toMatchObject({ code: "MALFORMED_PDF", message: "El PDF no tiene la página 3, donde va la firma visible." });
    expect(await attempt({ pageIndex: 0, rect: [298, 686, 56, 740], lines: DIDEDUC_LINES })).toMatchObject({ code: "MALFORMED_PDF" });
    expect(await attempt({ pageIndex: -1, rect: [56, 686, 298, 740], lines: DIDEDUC_LINES })).toMatchObject({ code: "MALFORMED_PDF" });
  });
});
