import { createHash } from "node:crypto";
import { expect } from "vitest";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { findSignatureDictionaries } from "@/lib/pdf/signatures/find-signature-dictionaries";
import { asName, stringBytes } from "@/lib/pdf/signatures/pdf-syntax";
import { readXrefTable, resolveObject, resolveValue } from "@/lib/pdf/signatures/read-xref-table";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { vriKey } from "@/lib/signing/add-validation-data";
import { signatureTimestampTokens } from "@/lib/signing/extend-to-long-term";
import { readTimestampToken } from "@/lib/signing/timestamp/read-timestamp-token";
import { qpdfCheck, runPdfsig, type TNssDb } from "./pdfsig";

export type TLongTermLayout = {
  // The CAdES signatures, in order, each with its signature timestamp's genTime and TSA.
  signatures: Array<{ timestampedAt: Date; tsaName: string }>;
  documentTimestampedAt: Date;
  dss: { certs: number; ocsps: number; crls: number; vriKeys: string[] };
};

// The layout of issue #10's issued file, checked from the bytes (our reading, not the app's
// validator): `signers` CAdES signatures, each carrying a signature-time-stamp-token over its
// signature value from a TSA chaining to `rootPem`; then a DSS (catalog /DSS with certificates,
// revocation data and a VRI entry per signature); then a document timestamp (ETSI.RFC3161) over
// every byte but its own token. Plus the independent checks: pdfsig (every CAdES signature valid
// and trusted, the document timestamp last and covering the file) and qpdf --check.
export function expectLongTermPdf(pdf: Buffer, options: { rootPem: string; signers: number; file: string; nss: TNssDb }): TLongTermLayout {
  const trustedRoots = [options.rootPem];
  const sigs = findSignatureDictionaries(pdf).sort((a, b) => a.objectOffset - b.objectOffset);
  expect(sigs.map((s) => asName(s.dict.entries.get("SubFilter")))).toEqual([...Array(options.signers).fill("ETSI.CAdES.detached"), "ETSI.RFC3161"]);

  const signatures = sigs.slice(0, options.signers).map((sig) => {
    const contents = stringBytes(sig.dict.entries.get("Contents")!)!;
    const parsed = asn1js.fromBER(new Uint8Array(contents));
    const signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
    const signatureValue = Buffer.from(signedData.signerInfos[0].signature.valueBlock.valueHexView);
    const tokens = signatureTimestampTokens(contents);
    expect(tokens).toHaveLength(1);
    const token = readTimestampToken(tokens[0], { trustedRoots });
    expect(token.imprint.digest.equals(createHash("sha256").update(signatureValue).digest())).toBe(true);
    return { timestampedAt: token.genTime, tsaName: token.tsaName, key: vriKey(contents) };
  });

  const docTs = sigs[sigs.length - 1].dict;
  expect(asName(docTs.entries.get("Type"))).toBe("DocTimeStamp");
  const range = (docTs.entries.get("ByteRange") as { items: Array<{ value: number }> }).items.map((i) => i.value);
  expect(range[2] + range[3]).toBe(pdf.length);
  const docContents = stringBytes(docTs.entries.get("Contents")!)!;
  const docToken = readTimestampToken(trimDer(docContents), { trustedRoots });
  const rangesDigest = createHash("sha256").update(pdf.subarray(0, range[1])).update(pdf.subarray(range[2], range[2] + range[3])).digest();
  expect(docToken.imprint.digest.equals(rangesDigest)).toBe(true);

  const xref = readXrefTable(pdf);
  const rootRef = xref.trailer.entries.get("Root");
  if (rootRef?.kind !== "ref") throw new Error("sin /Root");
  const catalog = resolveObject(pdf, xref, rootRef.num).value;
  if (catalog.kind !== "dict") throw new Error("el catálogo no es un diccionario");
  const dssValue = resolveValue(pdf, xref, catalog.entries.get("DSS"));
  expect(dssValue?.kind).toBe("dict");
  const dssDict = dssValue as Extract<typeof dssValue, { kind: "dict" }>;
  const count = (key: string) => {
    const v = resolveValue(pdf, xref, dssDict.entries.get(key));
    return v?.kind === "array" ? v.items.length : 0;
  };
  const vri = resolveValue(pdf, xref, dssDict.entries.get("VRI"));
  const dss = { certs: count("Certs"), ocsps: count("OCSPs"), crls: count("CRLs"), vriKeys: vri?.kind === "dict" ? [...vri.entries.keys()] : [] };
  // Signer, TSA and root at least; revocation data for every certificate below the root.
  expect(dss.certs).toBeGreaterThanOrEqual(3);
  expect(dss.ocsps + dss.crls).toBeGreaterThanOrEqual(1);
  for (const s of signatures) expect(dss.vriKeys).toContain(s.key);

  // Our validator on the CAdES signatures (whatever it makes of the document timestamp).
  const report = validatePdfSignatures(pdf, { trustedRoots });
  const cades = report.signatures.filter((s) => s.subFilter === "ETSI.CAdES.detached");
  expect(cades.map((s) => s.valid), JSON.stringify(cades.map((s) => s.errors))).toEqual(Array(options.signers).fill(true));

  const pdfsig = runPdfsig(options.file, options.nss);
  expect(pdfsig.signatures).toHaveLength(options.signers + 1);
  const signed = pdfsig.signatures.slice(0, options.signers);
  expect(signed.map((s) => s.signatureValidation), pdfsig.output).toEqual(Array(options.signers).fill("Signature is Valid."));
  expect(signed.map((s) => s.certificateValidation), pdfsig.output).toEqual(Array(options.signers).fill("Certificate is Trusted."));
  // poppler 22.12 lists the document timestamp but cannot validate ETSI.RFC3161 (checked above).
  expect(pdfsig.signatures[options.signers].totalDocumentSigned).toBe(true);
  const qpdf = qpdfCheck(options.file);
  expect(qpdf.clean, qpdf.output).toBe(true);

  return { signatures: signatures.map(({ timestampedAt, tsaName }) => ({ timestampedAt, tsaName })), documentTimestampedAt: docToken.genTime, dss };
}

function trimDer(bytes: Buffer): Buffer {
  const first = bytes[1];
  if (first < 0x80) return bytes.subarray(0, 2 + first);
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i];
  return bytes.subarray(0, 2 + count + length);
}
