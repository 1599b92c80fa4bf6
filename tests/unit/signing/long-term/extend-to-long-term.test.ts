import { execFile } from "node:child_process";
import { createHash, createPrivateKey } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSignatureDictionaries } from "@/lib/pdf/signatures/find-signature-dictionaries";
import { asName, stringBytes } from "@/lib/pdf/signatures/pdf-syntax";
import { readXrefTable, resolveObject, resolveValue } from "@/lib/pdf/signatures/read-xref-table";
import { vriKey } from "@/lib/signing/add-validation-data";
import { createKeySigner } from "@/lib/signing/create-key-signer";
import { extendToLongTerm } from "@/lib/signing/extend-to-long-term";
import { signPdfWithDetails } from "@/lib/signing/sign-pdf";
import { SigningError } from "@/lib/signing/signing-error";
import { readTimestampToken } from "@/lib/signing/timestamp/read-timestamp-token";
import { createNssDb, qpdfCheck, runPdfsig } from "../../../helpers/pdfsig";
import { createServedTestPki, type TServedTestPki } from "../../../helpers/served-test-pki";
import { pemToDer, type TTestIdentity } from "../../../helpers/pki-fixtures";
import { fetchFailing } from "./faulty-fetch";
import { makeTestPdf, signingOptions, writeTemp } from "../fixtures";

let pki: TServedTestPki;
beforeAll(async () => {
  pki = await createServedTestPki();
}, 60_000);
afterAll(async () => pki?.close());

const keySigner = (who: TTestIdentity) => createKeySigner(createPrivateKey(who.keyPem), { certificate: who.certDer, chain: who.chainPems.map(pemToDer) });

// The catalog's /DSS and its /VRI, and the number of items of each DSS array.
function readDss(pdf: Buffer) {
  const xref = readXrefTable(pdf);
  const rootRef = xref.trailer.entries.get("Root");
  if (rootRef?.kind !== "ref") throw new Error("sin /Root");
  const catalog = resolveObject(pdf, xref, rootRef.num).value;
  if (catalog.kind !== "dict") throw new Error("catálogo");
  const dss = resolveValue(pdf, xref, catalog.entries.get("DSS"));
  if (dss?.kind !== "dict") throw new Error("sin /DSS");
  const count = (key: string) => {
    const v = resolveValue(pdf, xref, dss.entries.get(key));
    return v?.kind === "array" ? v.items.length : 0;
  };
  const vri = resolveValue(pdf, xref, dss.entries.get("VRI"));
  return { catalog, dss, certs: count("Certs"), ocsps: count("OCSPs"), crls: count("CRLs"), vriKeys: vri?.kind === "dict" ? [...vri.entries.keys()] : [] };
}

async function twoTimestampedSignatures(): Promise<Buffer> {
  const timestamp = { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots };
  const once = await signPdfWithDetails(await makeTestPdf(), keySigner(pki.ecdsa), { ...signingOptions("Begoña Muñoz Peña"), timestamp });
  return (await signPdfWithDetails(once.pdf, keySigner(pki.jose), { ...signingOptions("José Pérez Gómez"), timestamp })).pdf;
}

describe("extendToLongTerm: DSS then DocTimeStamp (PAdES B-LTA)", { timeout: 60_000 }, () => {
  it("writes a DSS with every certificate, OCSP response and VRI entry, then a document timestamp over the whole file", async () => {
    const signed = await twoTimestampedSignatures();
    const result = await extendToLongTerm(signed, { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots, now: new Date() });
    const pdf = result.pdf;
    expect(pdf.subarray(0, signed.length).equals(signed)).toBe(true);

    // Three signature dictionaries: two CAdES signatures, then the document timestamp, last.
    const sigs = findSignatureDictionaries(pdf).sort((a, b) => a.objectOffset - b.objectOffset);
    expect(sigs.map((s) => asName(s.dict.entries.get("SubFilter")))).toEqual(["ETSI.CAdES.detached", "ETSI.CAdES.detached", "ETSI.RFC3161"]);
    const docTs = sigs[2].dict;
    expect(asName(docTs.entries.get("Type"))).toBe("DocTimeStamp");
    expect(docTs.entries.has("Name")).toBe(false);
    const range = (docTs.entries.get("ByteRange") as { items: Array<{ value: number }> }).items.map((i) => i.value);
    expect(range[2] + range[3]).toBe(pdf.length);
    const token = stringBytes(docTs.entries.get("Contents")!)!;
    const read = readTimestampToken(token.subarray(0, result.documentTimestamp.token.length), { trustedRoots: pki.trustedRoots });
    expect(read.genTime).toEqual(result.documentTimestamp.genTime);

    // The DSS, in the revision before the document timestamp.
    const dss = readDss(pdf);
    // root, ecdsa signer, jose signer, TSA, OCSP responder.
    expect(dss.certs).toBe(5);
    // One OCSP response per certificate below the root: two signers and the TSA.
    expect(dss.ocsps).toBe(3);
    expect(dss.crls).toBe(0);
    const expectedKeys = sigs.slice(0, 2).map((s) => vriKey(stringBytes(s.dict.entries.get("Contents")!)!));
    expect(dss.vriKeys.sort()).toEqual(expectedKeys.sort());
    expect(asName(dss.dss.entries.get("Type"))).toBe("DSS");
    expect(result.validationData.certificates.some((c) => c.equals(pki.tsaIdentity.certDer))).toBe(true);

    const file = writeTemp("lta.pdf", pdf);
    expect(qpdfCheck(file)).toMatchObject({ clean: true });
    const pdfsig = runPdfsig(file, createNssDb([pki.rootPem]));
    expect(pdfsig.signatures).toHaveLength(3);
    expect(pdfsig.signatures.slice(0, 2).map((s) => s.signatureValidation), pdfsig.output).toEqual(["Signature is Valid.", "Signature is Valid."]);
    expect(pdfsig.signatures.slice(0, 2).map((s) => s.certificateValidation), pdfsig.output).toEqual(["Certificate is Trusted.", "Certificate is Trusted."]);
    // poppler 22.12 lists the document timestamp (signed by the TSA, whole file) but does not
    // validate ETSI.RFC3161 ("Unimplemented Feature"): openssl checks its token below.
    expect(pdfsig.signatures[2]).toMatchObject({ commonName: "Autoridad de Sellado de Tiempo de Pruebas", totalDocumentSigned: true });
    const digest = createHash("sha256").update(pdf.subarray(0, range[1])).update(pdf.subarray(range[2], range[2] + range[3])).digest("hex");
    const tokenFile = writeTemp("lta-doc-ts.der", result.documentTimestamp.token);
    const verified = await promisify(execFile)("openssl", ["ts", "-verify", "-digest", digest, "-in", tokenFile, "-token_in", "-CAfile", pki.rootPath], { encoding: "utf8" });
    expect(verified.stdout).toContain("Verification: OK");
    // mupdf: both signatures valid (no trust store given to it, so it notes the self-signed root);
    // it does not read /DocTimeStamp fields ("not signed"), which is not an error.
    const mutool = await promisify(execFile)("mutool", ["sign", "-v", file], { encoding: "utf8" });
    expect(mutool.stdout.match(/The signature is valid/g)).toHaveLength(2);
    expect(mutool.stdout).not.toMatch(/signature is not valid|digest mismatch|modified/i);
  });

  it("a second extension (re-timestamping) keeps the DSS and adds the last document timestamp's validation data", async () => {
    const first = await extendToLongTerm(await twoTimestampedSignatures(), { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots, now: new Date() });
    const second = await extendToLongTerm(first.pdf, { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots, now: new Date() });
    const sigs = findSignatureDictionaries(second.pdf);
    expect(sigs.map((s) => asName(s.dict.entries.get("SubFilter"))).filter((f) => f === "ETSI.RFC3161")).toHaveLength(2);
    const dss = readDss(second.pdf);
    // The same five certificates (written once); the VRI of both signatures and of the first
    // document timestamp, whose TSA's revocation data the second extension fetched.
    expect(dss.certs).toBe(5);
    expect(dss.ocsps).toBeGreaterThanOrEqual(3);
    expect(dss.vriKeys).toHaveLength(3);
    const file = writeTemp("lta-twice.pdf", second.pdf);
    expect(qpdfCheck(file)).toMatchObject({ clean: true });
    const pdfsig = runPdfsig(file, createNssDb([pki.rootPem]));
    expect(pdfsig.signatures.map((s) => s.signatureValidation).slice(0, 2)).toEqual(Array(2).fill("Signature is Valid."));
    expect(pdfsig.signatures.map((s) => s.totalDocumentSigned)).toEqual([false, false, false, true]);
  });

  it("refuses, writing nothing, when revocation data cannot be fetched or the TSA is down", async () => {
    const signed = await twoTimestampedSignatures();
    const error = await extendToLongTerm(signed, { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots, now: new Date(), fetch: fetchFailing("/ocsp", "/crl") }).catch(
      (e: unknown) => e,
    );
    expect((error as SigningError).code).toBe("REVOCATION_UNAVAILABLE");
    const down = await extendToLongTerm(signed, { tsa: { url: (await pki.startFakeTsa({ mode: "down" })).url }, trustedRoots: pki.trustedRoots, now: new Date() }).catch((e: unknown) => e);
    expect((down as SigningError).code).toBe("TSA_UNAVAILABLE");
  });

  it("refuses when a certificate that already signed is revoked by now: the file must be signed again", async () => {
    const timestamp = { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots };
    const signed = await signPdfWithDetails(await makeTestPdf(), keySigner(pki.revoked), { ...signingOptions("Ramón Ordóñez Revocado"), timestamp });
    const error = await extendToLongTerm(signed.pdf, { ...timestamp, now: new Date() }).catch((e: unknown) => e);
    expect((error as SigningError).code).toBe("CERTIFICATE_REVOKED");
    expect((error as SigningError).message).toMatch(/^No se emitió: el certificado de «Ramón Ordóñez Revocado» fue revocado.*Devuelva la solicitud/);
  });
});
