import { verify, X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { SigningError } from "@/lib/signing/signing-error";
import { createTestPki, type TTestPki } from "../../helpers/pki-fixtures";

let pki: TTestPki;

beforeAll(() => {
  pki = createTestPki();
}, 60_000);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("no lanzó");
}

describe("openPkcs12Signer", { timeout: 20_000 }, () => {
  it("opens an OpenSSL 3 PKCS#12 (AES-256, SHA-256 MAC) and returns its certificate and chain, issuer first", async () => {
    const signer = openPkcs12Signer(pki.maria.pkcs12, pki.maria.passphrase);
    const { certificate, chain } = await signer.certificates();
    expect(certificate.equals(pki.maria.certDer)).toBe(true);
    const names = chain.map((der) => new X509Certificate(der).subject.split("\n").find((l) => l.startsWith("CN=")));
    expect(names).toEqual(["CN=CA Intermedia de Firma Educación", "CN=Raíz de Pruebas Firma Electrónica"]);
  });

  it("signs with SHA-256 and the certificate's key (RSA and ECDSA)", async () => {
    for (const who of [pki.jose, pki.ecdsa]) {
      const signer = openPkcs12Signer(who.pkcs12, who.passphrase);
      const data = Buffer.from("atributos firmados");
      const signature = await signer.sign(data);
      expect(verify("sha256", data, new X509Certificate(who.certDer).publicKey, signature)).toBe(true);
    }
  });

  it("a wrong passphrase is BAD_PASSPHRASE, in Spanish, without the passphrase in it", () => {
    const error = thrown(() => openPkcs12Signer(pki.jose.pkcs12, "clave-equivocada"));
    expect(error).toBeInstanceOf(SigningError);
    expect(error).toMatchObject({ code: "BAD_PASSPHRASE", message: "La frase de acceso del certificado no es correcta." });
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain("clave-equivocada");
    expect((error as Error).cause).toBeUndefined();
    // The right passphrase of another file is just as wrong.
    expect(thrown(() => openPkcs12Signer(pki.jose.pkcs12, pki.maria.passphrase))).toMatchObject({ code: "BAD_PASSPHRASE" });
  });

  // A byte changed inside the encrypted part fails the MAC check exactly like a wrong passphrase
  // does, so either code is accepted for that one.
  it("a damaged or foreign file is BAD_PKCS12", () => {
    const truncated = pki.jose.pkcs12.subarray(0, 200);
    const flipped = Buffer.from(pki.jose.pkcs12);
    flipped[20] ^= 0xff;
    for (const data of [Buffer.alloc(0), Buffer.from("no es un certificado"), truncated, pki.jose.certDer, flipped]) {
      const error = thrown(() => openPkcs12Signer(data, pki.jose.passphrase));
      expect(error).toBeInstanceOf(SigningError);
      expect((error as SigningError).code).toMatch(/^BAD_PKCS12$|^BAD_PASSPHRASE$/);
    }
    expect(thrown(() => openPkcs12Signer(Buffer.from("no es un certificado"), "x"))).toMatchObject({
      code: "BAD_PKCS12",
      message: "El archivo del certificado está dañado o no es un archivo PKCS#12 (.p12/.pfx) válido.",
    });
    expect(thrown(() => openPkcs12Signer(pki.jose.certDer, "x"))).toMatchObject({ code: "BAD_PKCS12" });
  });

  it("keeps no copy of the passphrase in the signer", () => {
    const signer = openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase);
    const seen = new Set<unknown>();
    const walk = (value: unknown, depth: number): boolean => {
      if (depth > 4 || value === null || seen.has(value)) return false;
      if (typeof value === "string") return value.includes(pki.jose.passphrase);
      if (typeof value !== "object" && typeof value !== "function") return false;
      seen.add(value);
      return Object.values(value as object).some((v) => walk(v, depth + 1));
    };
    expect(walk(signer, 0)).toBe(false);
  });
});
