import { createHash, createPrivateKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pkijs from "pkijs";
import * as asn1js from "asn1js";
import { findSignatureDictionaries } from "@/lib/pdf/signatures/find-signature-dictionaries";
import { stringBytes } from "@/lib/pdf/signatures/pdf-syntax";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { createKeySigner } from "@/lib/signing/create-key-signer";
import { OID } from "@/lib/signing/oids";
import { signPdfWithDetails, TIMESTAMP_TOKEN_RESERVE_BYTES } from "@/lib/signing/sign-pdf";
import { SigningError } from "@/lib/signing/signing-error";
import { readTimestampToken } from "@/lib/signing/timestamp/read-timestamp-token";
import { createNssDb, qpdfCheck, runPdfsig } from "../../../helpers/pdfsig";
import { createServedTestPki, type TServedTestPki } from "../../../helpers/served-test-pki";
import { pemToDer, type TTestIdentity } from "../../../helpers/pki-fixtures";
import { makeTestPdf, signingOptions, writeTemp } from "../fixtures";

let pki: TServedTestPki;
beforeAll(async () => {
  pki = await createServedTestPki();
}, 60_000);
afterAll(async () => pki?.close());

const keySigner = (who: TTestIdentity) => createKeySigner(createPrivateKey(who.keyPem), { certificate: who.certDer, chain: who.chainPems.map(pemToDer) });

// The SignerInfo's signature value and its unsigned attributes, read with pkijs (not our reader).
function readSignerInfo(pdf: Buffer, index: number) {
  const dict = findSignatureDictionaries(pdf)[index].dict;
  const contents = stringBytes(dict.entries.get("Contents")!)!;
  const parsed = asn1js.fromBER(new Uint8Array(contents));
  const signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
  const signerInfo = signedData.signerInfos[0];
  return {
    signatureValue: Buffer.from(signerInfo.signature.valueBlock.valueHexView),
    signed: signerInfo.signedAttrs?.attributes.map((a) => a.type) ?? [],
    unsigned: signerInfo.unsignedAttrs?.attributes ?? [],
  };
}

describe("signPdf with a signature timestamp (PAdES B-T)", { timeout: 60_000 }, () => {
  it("embeds a signature-time-stamp-token over the signature value; pdfsig, qpdf and openssl accept the file", async () => {
    const pdf = await makeTestPdf();
    const { pdf: signed, timestamp } = await signPdfWithDetails(pdf, keySigner(pki.jose), {
      ...signingOptions("José Pérez Gómez"),
      timestamp: { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots },
    });
    expect(timestamp?.tsaName).toBe("Autoridad de Sellado de Tiempo de Pruebas");
    const info = readSignerInfo(signed, 0);
    // Signed attributes unchanged: contentType, messageDigest, signingCertificateV2; no signingTime.
    expect(info.signed.sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(info.unsigned.map((a) => a.type)).toEqual([OID.signatureTimeStampToken]);
    const token = Buffer.from(info.unsigned[0].values[0].toBER(false));
    expect(token.equals(timestamp!.token)).toBe(true);
    const read = readTimestampToken(token, { trustedRoots: pki.trustedRoots });
    expect(read.imprint.digest.equals(createHash("sha256").update(info.signatureValue).digest())).toBe(true);

    expect(validatePdfSignatures(signed, { trustedRoots: [pki.rootPem] }).valid).toBe(true);
    const file = writeTemp("bt-signed.pdf", signed);
    const nss = createNssDb([pki.rootPem]);
    const pdfsig = runPdfsig(file, nss);
    expect(pdfsig.signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid."]);
    expect(pdfsig.signatures.map((s) => s.certificateValidation), pdfsig.output).toEqual(["Certificate is Trusted."]);
    expect(pdfsig.signatures[0].totalDocumentSigned).toBe(true);
    expect(qpdfCheck(file).clean).toBe(true);
  });

  it("with ECDSA, and a second timestamped signature keeps the first valid", async () => {
    const once = await signPdfWithDetails(await makeTestPdf(), keySigner(pki.ecdsa), {
      ...signingOptions("Begoña Muñoz Peña"),
      timestamp: { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots },
    });
    const twice = await signPdfWithDetails(once.pdf, keySigner(pki.jose), {
      ...signingOptions("José Pérez Gómez"),
      timestamp: { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots },
    });
    const report = validatePdfSignatures(twice.pdf, { trustedRoots: [pki.rootPem] });
    expect(report.signatures.map((s) => s.valid)).toEqual([true, true]);
    expect(readSignerInfo(twice.pdf, 0).unsigned.map((a) => a.type)).toEqual([OID.signatureTimeStampToken]);
    expect(readSignerInfo(twice.pdf, 1).unsigned.map((a) => a.type)).toEqual([OID.signatureTimeStampToken]);
    const file = writeTemp("bt-twice.pdf", twice.pdf);
    expect(runPdfsig(file, createNssDb([pki.rootPem])).signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid.", "Signature is Valid."]);
    expect(qpdfCheck(file).clean).toBe(true);
  });

  it("refuses to sign (no bytes out) when the TSA's answer fails a check or the TSA is down", async () => {
    for (const [url, code] of [
      [(await pki.startFakeTsa({ mode: "wrong-imprint" })).url, "TSA_INVALID"],
      [(await pki.startFakeTsa({ mode: "untrusted-certificate" })).url, "TSA_INVALID"],
      [(await pki.startFakeTsa({ mode: "down" })).url, "TSA_UNAVAILABLE"],
    ] as const) {
      const error = await signPdfWithDetails(await makeTestPdf(), keySigner(pki.jose), {
        ...signingOptions("José Pérez Gómez"),
        timestamp: { tsa: { url }, trustedRoots: pki.trustedRoots },
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SigningError);
      expect((error as SigningError).code).toBe(code);
    }
  });

  it("a token larger than the reserve is not refused: the signature is made again with room for it", async () => {
    const pdf = await makeTestPdf();
    let calls = 0;
    // A TSA that pads its answer's token with a large certificate set would do the same; here the
    // real token is sent, but the first request's answer comes with a bloated certificate list.
    const padded: typeof fetch = async (url, init) => {
      calls++;
      const response = await fetch(url, init);
      if (calls > 1) return response;
      const resp = pkijs.TimeStampResp.fromBER(new Uint8Array(await response.arrayBuffer()));
      const sd = new pkijs.SignedData({ schema: resp.timeStampToken!.content });
      const extra = Array.from({ length: Math.ceil(TIMESTAMP_TOKEN_RESERVE_BYTES / 900) + 2 }, () => pkijs.Certificate.fromBER(new Uint8Array(pki.rootDer)));
      sd.certificates = [...(sd.certificates ?? []), ...extra];
      resp.timeStampToken = new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) });
      return new Response(new Uint8Array(resp.toSchema().toBER(false)), { status: 200 });
    };
    const signed = await signPdfWithDetails(pdf, keySigner(pki.jose), {
      ...signingOptions("José Pérez Gómez"),
      timestamp: { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots, fetch: padded },
    });
    expect(calls).toBe(2);
    expect(validatePdfSignatures(signed.pdf, { trustedRoots: [pki.rootPem] }).valid).toBe(true);
  });
});
