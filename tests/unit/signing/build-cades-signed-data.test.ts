import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readCmsSignedData } from "@/lib/pdf/signatures/read-cms-signed-data";
import { buildCadesSignedData } from "@/lib/signing/build-cades-signed-data";
import { decodeOid, derChildren, readDer } from "@/lib/signing/der";
import { OID } from "@/lib/signing/oids";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { readCertificateFields } from "@/lib/signing/read-certificate-fields";
import type { DocumentSigner } from "@/lib/signing/signer";
import { createTestPki, type TTestIdentity, type TTestPki } from "../../helpers/pki-fixtures";
import { writeTemp } from "./fixtures";

let pki: TTestPki;
const content = Buffer.from("Contenido firmado: certificación de estudios de José Pérez Gómez\n");
const contentDigest = createHash("sha256").update(content).digest();

beforeAll(() => {
  pki = createTestPki();
}, 60_000);

const build = (who: TTestIdentity) => buildCadesSignedData({ contentDigest, signer: openPkcs12Signer(who.pkcs12, who.passphrase) });

function opensslVerify(cms: Buffer, data: Buffer, caFile: string) {
  const cmsFile = writeTemp(`cms-${Math.random().toString(36).slice(2)}.der`, cms);
  const dataFile = writeTemp(`content-${Math.random().toString(36).slice(2)}.bin`, data);
  return spawnSync(
    "openssl",
    ["cms", "-verify", "-binary", "-inform", "DER", "-in", cmsFile, "-content", dataFile, "-CAfile", caFile, "-purpose", "any", "-out", "/dev/null"],
    { encoding: "utf8" },
  );
}

describe("buildCadesSignedData", { timeout: 20_000 }, () => {
  it("is a detached CMS that OpenSSL verifies against the content, for RSA, ECDSA and an intermediate CA", async () => {
    for (const who of [pki.jose, pki.ecdsa, pki.maria]) {
      const cms = await build(who);
      const result = opensslVerify(cms, content, pki.root.path);
      expect(result.stderr).toContain("Verification successful");
      expect(result.status).toBe(0);
      // And rejects other content.
      expect(opensslVerify(cms, Buffer.from("otro contenido"), pki.root.path).status).not.toBe(0);
    }
  });

  it("has exactly contentType, messageDigest and signing-certificate-v2, in DER set order", async () => {
    const cms = readCmsSignedData(await build(pki.jose));
    const [signerInfo] = cms.signerInfos;
    const attributes = derChildren(readDer(signerInfo.signedAttributes!));
    expect(attributes.map((a) => decodeOid(derChildren(a)[0].value)).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    for (let i = 1; i < attributes.length; i++) expect(Buffer.compare(attributes[i - 1].bytes, attributes[i].bytes)).toBeLessThan(0);
    expect(signerInfo.attributes.get(OID.messageDigest)?.value.equals(contentDigest)).toBe(true);
    expect(signerInfo.attributes.has(OID.signingTime)).toBe(false);
    expect(cms.eContent).toBeNull();
    expect(signerInfo.digestAlgorithm).toBe(OID.sha256);
    expect(signerInfo.signatureAlgorithm).toBe(OID.sha256WithRsa);

    // ESSCertIDv2: certHash is SHA-256 of the certificate, issuerSerial its issuer and serial.
    const essCertId = derChildren(derChildren(derChildren(signerInfo.attributes.get(OID.signingCertificateV2)!)[0])[0]);
    expect(essCertId[0].value.equals(createHash("sha256").update(pki.jose.certDer).digest())).toBe(true);
  });

  it("copies the accented issuer name and the serial byte for byte from the certificate", async () => {
    for (const who of [pki.jose, pki.maria]) {
      const [signerInfo] = readCmsSignedData(await build(who)).signerInfos;
      const fields = readCertificateFields(who.certDer);
      expect("issuerAndSerial" in signerInfo.sid).toBe(true);
      if (!("issuerAndSerial" in signerInfo.sid)) return;
      expect(signerInfo.sid.issuerAndSerial.issuer.equals(fields.issuerDer)).toBe(true);
      expect(signerInfo.sid.issuerAndSerial.serial.equals(fields.serialDer)).toBe(true);
      // The issuer really is UTF-8 with accents, the case forge re-encodes wrongly.
      expect(fields.issuerDer.includes(Buffer.from("Educación", "utf8"))).toBe(true);
    }
  });

  it("carries the signer's certificate and its chain, once each", async () => {
    const cms = readCmsSignedData(await build(pki.maria));
    const fingerprints = cms.certificates.map((c) => createHash("sha256").update(c).digest("hex")).sort();
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(cms.certificates).toHaveLength(3);
    expect(cms.certificates.some((c) => c.equals(pki.maria.certDer))).toBe(true);
  });

  it("refuses a signature that does not match the certificate (a misbehaving token)", async () => {
    const real = openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase);
    const other = openPkcs12Signer(pki.maria.pkcs12, pki.maria.passphrase);
    const wrongKey: DocumentSigner = { certificates: real.certificates, sign: other.sign };
    await expect(buildCadesSignedData({ contentDigest, signer: wrongKey })).rejects.toMatchObject({ code: "SIGNER_FAILED" });
    const failing: DocumentSigner = {
      certificates: real.certificates,
      sign: async () => {
        throw new Error("token desconectado");
      },
    };
    await expect(buildCadesSignedData({ contentDigest, signer: failing })).rejects.toMatchObject({
      code: "SIGNER_FAILED",
      message: "El dispositivo de firma no pudo firmar.",
    });
  });

  it("checks each signature against its own certificate's key when several certificates sign in turn", async () => {
    // The public keys are kept between signatures, keyed by the certificate.
    const jose = openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase);
    const maria = openPkcs12Signer(pki.maria.pkcs12, pki.maria.passphrase);
    for (let round = 0; round < 2; round++) {
      await expect(buildCadesSignedData({ contentDigest, signer: jose })).resolves.toBeInstanceOf(Buffer);
      await expect(buildCadesSignedData({ contentDigest, signer: maria })).resolves.toBeInstanceOf(Buffer);
      await expect(buildCadesSignedData({ contentDigest, signer: { certificates: maria.certificates, sign: jose.sign } })).rejects.toMatchObject({
        code: "SIGNER_FAILED",
      });
      await expect(buildCadesSignedData({ contentDigest, signer: { certificates: jose.certificates, sign: maria.sign } })).rejects.toMatchObject({
        code: "SIGNER_FAILED",
      });
    }
  });
});
