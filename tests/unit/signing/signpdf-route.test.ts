import { spawnSync } from "node:child_process";
import { SignPdf } from "@signpdf/signpdf";
import { extractSignature, Signer } from "@signpdf/utils";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { BYTE_RANGE_PLACEHOLDER, buildSignatureUpdate } from "@/lib/signing/build-signature-update";
import { CadesSigner } from "@/lib/signing/cades-signer";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { completePdfSignature } from "@/lib/signing/complete-pdf-signature";
import { preparePdfSignature } from "@/lib/signing/prepare-pdf-signature";
import { CMS_OVERHEAD_BYTES, signPdf } from "@/lib/signing/sign-pdf";
import { createNssDb, qpdfCheck, runPdfsig, type TNssDb } from "../../helpers/pdfsig";
import { createTestPki, type TTestIdentity, type TTestPki } from "../../helpers/pki-fixtures";
import { makeTestPdf, signingOptions, writeTemp } from "./fixtures";

let pki: TTestPki;
let nss: TNssDb;
const signer = (who: TTestIdentity) => openPkcs12Signer(who.pkcs12, who.passphrase);

beforeAll(() => {
  pki = createTestPki();
  nss = createNssDb([pki.root.certPem]);
}, 60_000);

afterEach(() => {
  vi.restoreAllMocks();
});

function opensslVerify(cms: Buffer, content: Buffer) {
  const cmsFile = writeTemp(`route-cms-${Math.random().toString(36).slice(2)}.der`, cms);
  const contentFile = writeTemp(`route-content-${Math.random().toString(36).slice(2)}.bin`, content);
  return spawnSync(
    "openssl",
    ["cms", "-verify", "-binary", "-inform", "DER", "-in", cmsFile, "-content", contentFile, "-CAfile", pki.root.path, "-purpose", "any", "-out", "/dev/null"],
    { encoding: "utf8" },
  );
}

// The CMS in /Contents, cut at its own DER length. Not extractSignature's `signature`: it strips
// every trailing "00" of the hex, which also eats the last byte of a CMS whose RSA signature value
// happens to end in 0x00 (1 time in 256), and the test then failed at random.
function cmsInContents(pdf: Buffer, byteRange: number[]): Buffer {
  const hex = pdf.subarray(byteRange[0] + byteRange[1] + 1, byteRange[2] - 1).toString("latin1");
  const bytes = Buffer.from(hex, "hex");
  if (bytes[0] !== 0x30) throw new Error("/Contents no empieza con una SEQUENCE DER");
  const first = bytes[1];
  if (first < 0x80) return bytes.subarray(0, 2 + first);
  const lengthBytes = first & 0x7f;
  const length = bytes.subarray(2, 2 + lengthBytes).reduce((n, b) => n * 256 + b, 0);
  return bytes.subarray(0, 2 + lengthBytes + length);
}

describe("signing with @signpdf's placeholder, byte ranges and Signer", { timeout: 30_000 }, () => {
  it("signPdf writes, byte for byte, what SignPdf.sign writes from our placeholder and CadesSigner", async () => {
    // RSA PKCS#1 v1.5 signatures are deterministic: with the same signing time, the same file.
    const signingTime = new Date();
    const viaSignPdf = async (pdf: Buffer, who: TTestIdentity, name: string) => {
      const documentSigner = signer(who);
      const certificates = await documentSigner.certificates();
      const { update } = buildSignatureUpdate(pdf, {
        ...signingOptions(name, { signingTime }),
        subFilter: "ETSI.CAdES.detached",
        contentsLength: [certificates.certificate, ...certificates.chain].reduce((n, c) => n + c.length, 0) + CMS_OVERHEAD_BYTES,
      });
      const withPlaceholder = Buffer.concat([pdf, update]);
      // Exactly one unfilled placeholder, in @signpdf's format.
      expect(withPlaceholder.toString("latin1").split(BYTE_RANGE_PLACEHOLDER)).toHaveLength(2);
      return new SignPdf().sign(withPlaceholder, new CadesSigner(documentSigner, certificates));
    };
    const pdf = await makeTestPdf();
    const once = await signPdf(pdf, signer(pki.jose), signingOptions("José Pérez Gómez", { signingTime }));
    expect(once.equals(await viaSignPdf(pdf, pki.jose, "José Pérez Gómez"))).toBe(true);
    const twice = await signPdf(once, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez", { signingTime }));
    expect(twice.equals(await viaSignPdf(once, pki.maria, "María Fernanda Núñez Ibáñez"))).toBe(true);
    // The ranges are filled in: no placeholder is left in the output.
    expect(twice.includes("/**********")).toBe(false);
    expect(validatePdfSignatures(twice, { trustedRoots: [pki.root.certPem] }).valid).toBe(true);
  });

  it("each CMS verifies with openssl over the byte ranges @signpdf's extractSignature reads", async () => {
    const once = await signPdf(await makeTestPdf(), signer(pki.jose), signingOptions("José Pérez Gómez"));
    const twice = await signPdf(once, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez"));
    for (const n of [1, 2]) {
      const { ByteRange, signedData } = extractSignature(twice, n);
      expect(ByteRange[0]).toBe(0);
      const result = opensslVerify(cmsInContents(twice, ByteRange), signedData);
      expect(result.stderr).toContain("Verification successful");
      expect(result.status).toBe(0);
    }
    // The second signature's ranges reach the end of the file.
    const { ByteRange } = extractSignature(twice, 2);
    expect(ByteRange[2] + ByteRange[3]).toBe(twice.length);
  });

  it("CadesSigner also signs a placeholder that SignPdf fills on its own (accented signer)", async () => {
    const pdf = await makeTestPdf();
    const { update } = buildSignatureUpdate(pdf, { ...signingOptions("Begoña Muñoz Peña"), subFilter: "ETSI.CAdES.detached", contentsLength: 8192 });
    const signed = await new SignPdf().sign(Buffer.concat([pdf, update]), new CadesSigner(signer(pki.ecdsa)));
    const file = writeTemp("route-ecdsa.pdf", signed);
    expect(runPdfsig(file, nss).signatures).toMatchObject([
      { commonName: "Begoña Muñoz Peña", signatureValidation: "Signature is Valid.", certificateValidation: "Certificate is Trusted.", totalDocumentSigned: true },
    ]);
    expect(qpdfCheck(file)).toMatchObject({ exitCode: 0, clean: true });
  });

  it("a CMS larger than the room reserved is a SigningError, not a damaged PDF", async () => {
    // signPdf's CMS is assembled by completePdfSignature (one path with the browser's
    // signatures): a room smaller than the CMS must be refused there, leaving /Contents zeros.
    const who = signer(pki.jose);
    const certificates = await who.certificates();
    const { prepared, signedAttributes } = preparePdfSignature(await makeTestPdf(), certificates, signingOptions("José"), 200);
    const before = Buffer.from(prepared);
    const error = await completePdfSignature({ prepared, signedAttributes, signatureValue: await who.sign(signedAttributes), certificates }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SigningError", code: "SIGNATURE_TOO_LARGE" });
    expect(prepared.equals(before)).toBe(true);
  });
});
