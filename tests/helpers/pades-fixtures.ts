import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { pdfInt, pdfName, pdfRef, serializePdfValue, type TPdfDict, type TPdfValue } from "@/lib/pdf/signatures/pdf-syntax";
import { readXrefTable, resolveObject } from "@/lib/pdf/signatures/read-xref-table";
import { buildCadesSignedData } from "@/lib/signing/build-cades-signed-data";
import { BYTE_RANGE_PLACEHOLDER, buildSignatureUpdate } from "@/lib/signing/build-signature-update";
import { derChildren, derContextConstructed, derNode, derOid, derSequence, derSetOf, readDer, TAG } from "@/lib/signing/der";
import { readCmsSignedData } from "@/lib/pdf/signatures/read-cms-signed-data";
import type { TSignPdfOptions } from "@/lib/signing/sign-pdf";
import type { DocumentSigner } from "@/lib/signing/signer";

// PAdES B-T / B-LT / B-LTA files written from the spec (ETSI EN 319 142-1; ISO 32000-2 §12.8.4.3
// DSS, §12.8.5 DocTimeStamp) with the project's incremental-update writer and tokens, OCSP
// responses and CRLs from the openssl CLI (long-term-pki.ts): the validator's test material,
// independent of the production writers.

const SIGNATURE_TIME_STAMP_TOKEN = "1.2.840.113549.1.9.16.2.14";
const CONTENTS_LENGTH = 24_000;

// Fills a placeholder update: /ByteRange over everything but /Contents, then `contents(digest)`.
function fillSignature(pdf: Buffer, update: Buffer, contentsStart: number, contentsEnd: number, contents: (digest: Buffer) => Buffer): Buffer {
  const out = Buffer.concat([pdf, update]);
  const signedEnd = pdf.length + contentsStart;
  const signedResume = pdf.length + contentsEnd;
  const byteRange = `/ByteRange [0 ${signedEnd} ${signedResume} ${out.length - signedResume}]`;
  out.write(byteRange.padEnd(BYTE_RANGE_PLACEHOLDER.length, " "), pdf.length + update.indexOf(BYTE_RANGE_PLACEHOLDER), "latin1");
  const digest = createHash("sha256").update(out.subarray(0, signedEnd)).update(out.subarray(signedResume)).digest();
  const der = contents(digest);
  if (der.length * 2 > contentsEnd - contentsStart - 2) throw new Error("no cabe");
  out.write(der.toString("hex"), signedEnd + 1, "latin1");
  return out;
}

// Adds `token` as the signature-time-stamp-token unsigned attribute of the only SignerInfo.
export function addSignatureTimestamp(cms: Buffer, token: Buffer): Buffer {
  const contentInfo = derChildren(readDer(cms));
  const signedData = derChildren(derChildren(contentInfo[1])[0]);
  const signerInfos = signedData[signedData.length - 1];
  const signerInfo = derChildren(derChildren(signerInfos)[0]);
  const unsigned = derNode(0xa1, derSequence([derOid(SIGNATURE_TIME_STAMP_TOKEN), derSetOf([token])]));
  const newSignerInfo = derSequence([...signerInfo.map((n) => n.bytes), unsigned]);
  const newSignedData = derSequence([...signedData.slice(0, -1).map((n) => n.bytes), derNode(TAG.SET, newSignerInfo)]);
  return derSequence([contentInfo[0].bytes, derContextConstructed(0, newSignedData)]);
}

// A PAdES signature (CAdES detached) whose SignerInfo carries `timestamp(signatureValue)`.
export async function signPdfWithTimestamp(
  pdf: Buffer,
  signer: DocumentSigner,
  options: TSignPdfOptions,
  timestamp: (signatureValue: Buffer) => Buffer,
): Promise<Buffer> {
  const { update, contentsStart, contentsEnd } = buildSignatureUpdate(pdf, { ...options, subFilter: "ETSI.CAdES.detached", contentsLength: CONTENTS_LENGTH });
  let cms: Buffer = Buffer.alloc(0);
  const certificates = await signer.certificates();
  // buildCadesSignedData is async; the digest is computed first, then the update filled.
  const out = fillSignature(pdf, update, contentsStart, contentsEnd, (digest) => {
    cms = Buffer.from(digest);
    return Buffer.alloc(0);
  });
  const digest = cms;
  cms = await buildCadesSignedData({ contentDigest: digest, signer, certificates });
  const signature = readCmsSignedData(cms).signerInfos[0].signature;
  const withToken = addSignatureTimestamp(cms, timestamp(signature));
  out.write(withToken.toString("hex"), pdf.length + contentsStart + 1, "latin1");
  return out;
}

type TObject = { num: number; body: Buffer };

// Appends an incremental update with these objects (new or rewritten), a cross-reference
// section for exactly them and a trailer chained with /Prev.
export function appendObjects(pdf: Buffer, objects: TObject[], size: number): Buffer {
  const xref = readXrefTable(pdf);
  const parts: Buffer[] = [];
  let length = pdf[pdf.length - 1] === 0x0a ? 0 : 1;
  if (length) parts.push(Buffer.from("\n"));
  const offsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.num, pdf.length + length);
    const chunk = Buffer.concat([Buffer.from(`${object.num} 0 obj\n`), object.body, Buffer.from("\nendobj\n")]);
    parts.push(chunk);
    length += chunk.length;
  }
  const xrefOffset = pdf.length + length;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let table = "xref\n";
  for (const num of nums) table += `${num} 1\n${String(offsets.get(num)).padStart(10, "0")} 00000 n\r\n`;
  const trailer = new Map<string, TPdfValue>([["Size", pdfInt(Math.max(size, xref.size))]]);
  for (const key of ["Root", "Info", "ID"]) {
    const value = xref.trailer.entries.get(key);
    if (value) trailer.set(key, value);
  }
  trailer.set("Prev", pdfInt(xref.startxref));
  parts.push(Buffer.from(`${table}trailer\n${serializePdfValue({ kind: "dict", entries: trailer })}\nstartxref\n${xrefOffset}\n%%EOF\n`, "latin1"));
  return Buffer.concat([pdf, ...parts]);
}

function nextNumber(pdf: Buffer): number {
  const xref = readXrefTable(pdf);
  return Math.max(xref.size, ...xref.entries.keys()) + (xref.entries.has(xref.size) ? 1 : 0);
}

// The DSS update (§12.8.4.3): a stream per certificate, OCSP response and CRL, the DSS
// dictionary, and the catalog rewritten with /DSS. `compress` deflates the streams.
export function appendDss(pdf: Buffer, data: { certificates: Buffer[]; ocspResponses: Buffer[]; crls: Buffer[]; compress?: boolean }): Buffer {
  const xref = readXrefTable(pdf);
  const rootRef = xref.trailer.entries.get("Root");
  if (rootRef?.kind !== "ref") throw new Error("sin /Root");
  const catalog = resolveObject(pdf, xref, rootRef.num).value as TPdfDict;
  let next = nextNumber(pdf);
  const objects: TObject[] = [];
  const stream = (bytes: Buffer) => {
    const body = data.compress ? deflateSync(bytes) : bytes;
    const num = next++;
    objects.push({ num, body: Buffer.concat([Buffer.from(`<< /Length ${body.length}${data.compress ? " /Filter /FlateDecode" : ""} >>\nstream\n`), body, Buffer.from("\nendstream")]) });
    return pdfRef(num);
  };
  const dss: TPdfDict = {
    kind: "dict",
    entries: new Map<string, TPdfValue>([
      ["Type", pdfName("DSS")],
      ["Certs", { kind: "array", items: data.certificates.map(stream) }],
      ["OCSPs", { kind: "array", items: data.ocspResponses.map(stream) }],
      ["CRLs", { kind: "array", items: data.crls.map(stream) }],
    ]),
  };
  const dssNum = next++;
  objects.push({ num: dssNum, body: Buffer.from(serializePdfValue(dss), "latin1") });
  const newCatalog: TPdfDict = { kind: "dict", entries: new Map(catalog.entries) };
  newCatalog.entries.set("DSS", pdfRef(dssNum));
  objects.push({ num: rootRef.num, body: Buffer.from(serializePdfValue(newCatalog), "latin1") });
  return appendObjects(pdf, objects, next);
}

// A document timestamp (§12.8.5): the signature writer's update with /Type /DocTimeStamp and
// SubFilter ETSI.RFC3161 (same lengths, so every offset holds), /Contents a token over the
// SHA-256 of the byte ranges.
export function appendDocumentTimestamp(pdf: Buffer, timestamp: (digest: Buffer) => Buffer): Buffer {
  const { update, contentsStart, contentsEnd } = buildSignatureUpdate(pdf, {
    reason: "",
    location: "",
    name: "",
    signingTime: new Date(),
    subFilter: "ETSI.CAdES.detached",
    contentsLength: 12_000,
  });
  const from = "/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n";
  const to = "/Type /DocTimeStamp\n/Filter/Adobe.PPKLite\n/SubFilter/ETSI.RFC3161\n";
  if (from.length !== to.length) throw new Error("longitudes distintas");
  const at = update.indexOf(from);
  update.write(to, at, "latin1");
  return fillSignature(pdf, update, contentsStart, contentsEnd, timestamp);
}

// What a tamperer does after a signature: an unsigned update that rewrites the first page with
// another /MediaBox (the page shown changes; pdfsig does not notice).
export function appendPageChange(pdf: Buffer): Buffer {
  const xref = readXrefTable(pdf);
  const rootRef = xref.trailer.entries.get("Root");
  if (rootRef?.kind !== "ref") throw new Error("sin /Root");
  const catalog = resolveObject(pdf, xref, rootRef.num).value as TPdfDict;
  const pages = catalog.entries.get("Pages");
  if (pages?.kind !== "ref") throw new Error("sin /Pages");
  const kids = (resolveObject(pdf, xref, pages.num).value as TPdfDict).entries.get("Kids");
  const first = kids?.kind === "array" ? kids.items[0] : undefined;
  if (first?.kind !== "ref") throw new Error("sin página");
  const page = resolveObject(pdf, xref, first.num).value as TPdfDict;
  const changed: TPdfDict = { kind: "dict", entries: new Map(page.entries) };
  changed.entries.set("MediaBox", { kind: "array", items: [pdfInt(0), pdfInt(0), pdfInt(300), pdfInt(300)] });
  return appendObjects(pdf, [{ num: first.num, body: Buffer.from(serializePdfValue(changed), "latin1") }], xref.size);
}
