import { spawnSync } from "node:child_process";
import { SignPdf } from "@signpdf/signpdf";
import { extractSignature, Signer } from "@signpdf/utils";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { BYTE_RANGE_PLACEHOLDER, buildSignatureUpdate } from "@/lib/signing/build-signature-update";
import { CadesSigner } from "@/lib/signing/cades-signer";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
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

describe("signing through @signpdf/signpdf", { timeout: 30_000 }, () => {
  it("signPdf hands our placeholder and a CadesSigner to SignPdf.sign, once per signature", async () => {
    const spy = vi.spyOn(SignPdf.prototype, "sign");
    const once = await signPdf(await makeTestPdf(), signer(pki.jose), signingOptions("José Pérez Gómez"));
    const twice = await signPdf(once, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez"));
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [pdf, cadesSigner] of spy.mock.calls) {
      expect(cadesSigner).toBeInstanceOf(CadesSigner);
      expect(cadesSigner).toBeInstanceOf(Signer);
      // Exactly one unfilled placeholder, in @signpdf's format, in what SignPdf received.
      const text = Buffer.from(pdf as Buffer).toString("latin1");
      expect(text.split(BYTE_RANGE_PLACEHOLDER)).toHaveLength(2);
    }
    // SignPdf filled the ranges: none is left in the output.
    expect(twice.includes("/**********")).toBe(false);
    expect(validatePdfSignatures(twice, { trustedRoots: [pki.root.certPem] }).valid).toBe(true);
  });

  it("each CMS verifies with openssl over the byte ranges @signpdf's extractSignature reads", async () => {
    const once = await signPdf(await makeTestPdf(), signer(pki.jose), signingOptions("José Pérez Gómez"));
    const twice = await signPdf(once, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez"));
    for (const n of [1, 2]) {
      const { ByteRange, signature, signedData } = extractSignature(twice, n);
      expect(ByteRange[0]).toBe(0);
      const result = opensslVerify(Buffer.from(signature, "binary"), signedData);
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
    vi.spyOn(CadesSigner.prototype, "sign").mockResolvedValue(Buffer.alloc(200_000, 1));
    const error = await signPdf(await makeTestPdf(), signer(pki.jose), signingOptions("José")).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SigningError", code: "SIGNATURE_TOO_LARGE" });
  });
});
