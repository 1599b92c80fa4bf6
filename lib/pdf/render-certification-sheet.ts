import { createElement } from "react";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { PDFDocument } from "pdf-lib";
import { buildQrPath } from "./build-qr-path";
import { cacheFontLookups, type TCachedFont } from "./cache-font-lookups";
import { compressStreamsFast } from "./compress-streams-fast";
import { extractSignatureBoxes } from "./extract-signature-boxes";
import { CertificationSheet, registerSheetFonts, SHEET_FONT_FAMILY, type TCertificationSheetProps, type TSheetLayout } from "./certification-sheet";
import { loadPdfPart } from "./merge-pdfs";
import { memoizeFontLayout } from "./memoize-font-layout";
import { installTextLayoutMemo } from "./memoize-text-layout";
import { shareDefaultFont } from "./share-default-font";
import { writeFontSubsetsDirectly, type TSubsetFont } from "./write-font-subsets";
import { ZCertificationSheetData, type TCertificationSheetData, type TCertificationSheetInput, type TSignatureBox } from "./sheet-data";

// The sheet's three faces, loaded once per process with their text shaping memoized and their
// table lookups cached; React-PDF's text layout memoized per node (memoize-text-layout.ts).
const SHEET_FACES = [
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 400, fontStyle: "normal" },
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 700, fontStyle: "normal" },
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 400, fontStyle: "italic" },
] as const;
let fontsReady: Promise<void> | null = null;

function prepareSheetFonts(): Promise<void> {
  registerSheetFonts();
  shareDefaultFont();
  compressStreamsFast();
  installTextLayoutMemo();
  fontsReady ??= (async () => {
    for (const face of SHEET_FACES) {
      await Font.load(face);
      const data = Font.getFont(face).data;
      if (!data) continue;
      memoizeFontLayout(data as unknown as Parameters<typeof memoizeFontLayout>[0]);
      cacheFontLookups(data as unknown as TCachedFont);
      writeFontSubsetsDirectly(data as unknown as TSubsetFont);
    }
  })().catch((error: unknown) => {
    fontsReady = null;
    throw error;
  });
  return fontsReady;
}

export type TRenderedSheet = {
  // As React-PDF wrote it: the signature boxes still marked by their links.
  pdf: Buffer;
  // The same bytes, parsed (pdf-lib), with the boxes' marker links removed: merged in front of the
  // scans without parsing them again.
  doc: PDFDocument;
  // One per signer, in signer order: where each signer's signature draws its appearance.
  signatureBoxes: TSignatureBox[];
};

type TBox = { top?: number; height?: number; marginTop?: number; marginBottom?: number; paddingTop?: number; paddingBottom?: number };
type TLaidOutNode = {
  props?: Record<string, unknown>;
  style?: { height?: number };
  box?: TBox;
  children?: TLaidOutNode[];
};

// React-PDF's own tolerance when it decides that a node runs past the page (layout 5.x
// `splitNodes`: SAFETY_THRESHOLD).
const SAFETY_THRESHOLD = 0.001;

type TLaidOutPage = {
  // Room for the body, measured from the top of the body: where the flowing layout cuts.
  room: number;
  // From the top of the page to the top of the body.
  bodyTop: number;
  body: Required<Pick<TBox, "top" | "height">>;
  children: Array<{ top: number; height: number; marginTop: number; marginBottom: number; minPresenceAhead: number }>;
};

// The pages of a render with explicit pages (CertificationSheet's "one-page" and
// "closing-on-page-2"), read from the laid-out tree React-PDF hands Document's onRender
// (`_INTERNAL__LAYOUT__DATA_`, which it marks internal). Null when the tree is not shaped as
// expected: the caller then renders the flowing layout, which is always right, only slower.
function laidOutPages(rendered: unknown): TLaidOutPage[] | null {
  const pages = (rendered as { _INTERNAL__LAYOUT__DATA_?: TLaidOutNode } | null)?._INTERNAL__LAYOUT__DATA_?.children;
  if (!Array.isArray(pages) || pages.length === 0) return null;
  const read: TLaidOutPage[] = [];
  for (const page of pages) {
    // The body is the page's one child that is not fixed (the footer and running head are).
    const flowing = (page.children ?? []).filter((child) => !child.props?.fixed);
    const body = flowing[0]?.box;
    const height = page.style?.height;
    const paddingBottom = page.box?.paddingBottom;
    if (flowing.length !== 1 || typeof height !== "number" || typeof paddingBottom !== "number") return null;
    if (typeof body?.top !== "number" || typeof body.height !== "number") return null;
    const children = [];
    for (const child of flowing[0].children ?? []) {
      const box = child.box;
      if (typeof box?.top !== "number" || typeof box.height !== "number") return null;
      const minPresenceAhead = child.props?.minPresenceAhead;
      children.push({
        top: box.top,
        height: box.height,
        marginTop: box.marginTop ?? 0,
        marginBottom: box.marginBottom ?? 0,
        minPresenceAhead: typeof minPresenceAhead === "number" ? minPresenceAhead : 0,
      });
    }
    read.push({ room: height - paddingBottom - body.top, bodyTop: body.top, body: { top: body.top, height: body.height }, children });
  }
  return read;
}

// Whether a "one-page" render is the sheet: its body ends above the page's bottom padding, so
// the flowing layout would not cut it anywhere (and, the body unbroken, looks at nothing inside
// it, such as section titles' minPresenceAhead).
export function sheetFitsOnePage(rendered: unknown): boolean {
  const pages = laidOutPages(rendered);
  return pages?.length === 1 && pages[0].body.height <= pages[0].room + SAFETY_THRESHOLD;
}

// Whether the flowing layout of a sheet puts everything but the closing block (signers,
// verification box, notes; one node that does not break) on page 1 and that block alone at the
// top of page 2: read from a render whose page 1 body holds the rest of the sheet as laid out
// ("one-page" or "closing-on-page-2": the same positions, the closing block comes last). Page 1
// holds when no node before the block would make React-PDF break: each ends, bottom margin and
// minPresenceAhead included, within the room (layout 5.x `shouldSplit`/`shouldBreak`; the block
// itself, which comes after them all, runs past the room). The block must then fit page 2.
function closingSpillsOntoPage2(page1: TLaidOutPage, closing: { marginTop: number; height: number }, closingEnd: number): boolean {
  if (closingEnd <= page1.room + SAFETY_THRESHOLD) return false;
  const heads = page1.children;
  const before = heads.slice(0, heads.length);
  return (
    before.length > 0 &&
    before.every((node, i) => {
      if (node.top + node.height > page1.room + SAFETY_THRESHOLD) return false;
      // React-PDF never breaks before the first node of a page.
      return i === 0 || node.top + node.height + node.marginBottom + node.minPresenceAhead <= page1.room;
    }) &&
    closing.marginTop + closing.height <= page1.room + SAFETY_THRESHOLD
  );
}

// From a "one-page" render that did not fit: is "closing-on-page-2" the flowing layout's result?
function onePageSpillsClosing(rendered: unknown): boolean {
  const pages = laidOutPages(rendered);
  if (pages?.length !== 1 || pages[0].children.length < 2) return false;
  const [page] = pages;
  const closing = page.children[page.children.length - 1];
  const rest = { ...page, children: page.children.slice(0, -1) };
  return closingSpillsOntoPage2(rest, closing, closing.top + closing.height);
}

// From a "closing-on-page-2" render: does it hold (the same check, on its own layout)?
export function sheetClosingOnPage2Holds(rendered: unknown): boolean {
  const pages = laidOutPages(rendered);
  if (pages?.length !== 2 || pages[1].children.length !== 1) return false;
  const [page1, page2] = pages;
  const closing = page2.children[0];
  const last = page1.children[page1.children.length - 1];
  if (!last) return false;
  // Where the block would end had it stayed on page 1.
  const closingEnd = last.top + last.height + last.marginBottom + closing.marginTop + closing.height;
  return closingSpillsOntoPage2(page1, closing, closingEnd) && closing.top + closing.height <= page2.room + SAFETY_THRESHOLD;
}

// Which of the shortcuts a flowing render turned out to match, for the next sheet of its shape.
function flowingOutcome(rendered: unknown): TSheetLayout {
  const pages = laidOutPages(rendered);
  if (pages?.length === 1) return "one-page";
  // Page 2 holding a single node of the body: the closing block, which comes last and never breaks.
  if (pages?.length === 2 && pages[1].children.length === 1) return "closing-on-page-2";
  return "flowing";
}

// What decides a sheet's length, but for the wording: sheets of one shape nearly always take the
// same pages. The layout that last held for a shape is tried first, so a shape that runs onto
// more pages is not laid out twice every time. Only the time depends on it: a wrong guess costs
// one more layout, or one fewer shortcut.
function sheetShape(data: TCertificationSheetData): string {
  return JSON.stringify([
    data.procedure,
    data.studyMode ?? null,
    data.studies?.rows.length ?? 0,
    data.fields.length,
    data.documents.length,
    data.notes.length,
    data.attachmentNames.length,
    data.signers.map((signer) => Boolean(signer.name)),
    Boolean(data.holder.cui),
    Boolean(data.attachedPages),
  ]);
}
const MAX_SHAPES = 256;
const layoutByShape = new Map<string, TSheetLayout>();

function remember(shape: string, layout: TSheetLayout): void {
  if (layoutByShape.size >= MAX_SHAPES) layoutByShape.clear();
  layoutByShape.set(shape, layout);
}

function renderSheet(props: TCertificationSheetProps): Promise<Buffer> {
  return renderToBuffer(createElement(CertificationSheet, props) as Parameters<typeof renderToBuffer>[0]);
}

// Renders the sheet alone (its own pages, before any scan) as a PDF. Each signer's signature box
// carries a marker link (extract-signature-boxes.ts) that renderCertificationSheetDocument reads
// and removes.
//
// React-PDF's pagination is most of the cost of a sheet: it lays the page out again for each
// page it cuts, and again for each page to fill in the render props of the page numbers and the
// running head (8 layouts for a two-page sheet instead of 1). Most sheets take one page, or two
// with the signers and verification box alone on the second: those are laid out once, on pages
// that do not break, with the page numbers written out (CertificationSheet's layouts), and kept
// only when the flowing layout would have printed the very same pages (checked on the layout
// React-PDF returns). Any other sheet is rendered flowing.
export async function renderCertificationSheet(input: TCertificationSheetInput): Promise<Buffer> {
  const data = ZCertificationSheetData.parse(input);
  await prepareSheetFonts();
  const qr = buildQrPath(data.verification.url);
  const shape = sheetShape(data);
  const guess = layoutByShape.get(shape) ?? "one-page";

  let tryClosingOnPage2 = guess === "closing-on-page-2";
  if (guess === "one-page") {
    let fits = false;
    const onePage = await renderSheet({
      data,
      qr,
      layout: "one-page",
      onRender: (rendered) => {
        fits = sheetFitsOnePage(rendered);
        tryClosingOnPage2 = !fits && onePageSpillsClosing(rendered);
      },
    });
    if (fits) {
      remember(shape, "one-page");
      return onePage;
    }
  }
  if (tryClosingOnPage2) {
    let holds = false;
    const twoPages = await renderSheet({ data, qr, layout: "closing-on-page-2", onRender: (rendered) => (holds = sheetClosingOnPage2Holds(rendered)) });
    if (holds) {
      remember(shape, "closing-on-page-2");
      return twoPages;
    }
  }
  return renderSheet({
    data,
    qr,
    layout: "flowing",
    onRender: (rendered) => remember(shape, flowingOutcome(rendered)),
  });
}

// The same, parsed, with the signature boxes read off it.
export async function renderCertificationSheetDocument(input: TCertificationSheetInput): Promise<TRenderedSheet> {
  const data = ZCertificationSheetData.parse(input);
  const pdf = await renderCertificationSheet(data);
  const doc = await loadPdfPart(pdf, "hoja de certificación");
  const found = extractSignatureBoxes(doc);
  // Every signer printed exactly one box: anything else is a sheet this code did not draw.
  if (found.length !== data.signers.length || found.some((box, i) => box.signer !== i)) {
    throw new Error(`La hoja de certificación tiene ${found.length} recuadros de firma para ${data.signers.length} firmantes`);
  }
  const signatureBoxes = found.map((box) => {
    const role = data.signers[box.signer].role;
    return role ? { ...box, role } : box;
  });
  return { pdf, doc, signatureBoxes };
}
