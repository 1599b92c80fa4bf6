import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { SigningRefusal } from "@/lib/cases/signing/signing-refusal";
import { toUserFacingError } from "@/lib/errors";
import { SigningError } from "@/lib/signing/signing-error";
import { startFakeTsa, type TFakeTsa, type TFakeTsaMode } from "@/tests/helpers/served-test-pki";
import { createCertifyWorld, type TCertifyWorld } from "./certify-world";
import { signingSteps } from "./signing-steps";

// Issue #10 on PostgreSQL with the demo PKI's real services (openssl ts -reply, openssl ocsp,
// openssl ca -gencrl on 127.0.0.1): every signature is timestamped, the issued file gets DSS and
// document timestamp, and a signing the TSA or the revocation sources cannot back is refused with
// nothing changed.

let w: TCertifyWorld;
const fakes: TFakeTsa[] = [];

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  await w?.cleanup();
});

const { caseAwaitingSignature, caseAwaitingCentral, snapshot } = signingSteps(() => w);

async function fakeTsa(mode: TFakeTsaMode) {
  const fake = await startFakeTsa({ mode, realTsaUrl: w.tsa.url });
  fakes.push(fake);
  return { url: fake.url };
}

// What the signing form shows: a message, next to a field or as the form's error.
function shown(error: unknown) {
  const visible = toUserFacingError(error);
  expect(visible).not.toBeNull();
  return visible!;
}

describe("every signature timestamped; the issued file long-term (B-LTA)", () => {
  it("the DIDEDUC's stage is B-T with its timestamp recorded; the issued file B-LTA with its document timestamp", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const signed = await signCertification({ actor: w.actors.signer, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") }, w.options);
    const dideduc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "DIDEDUC_SIGNED" }, include: { signatures: true } });
    expect(dideduc.padesLevel).toBe("B-T");
    expect(dideduc.documentTimestampedAt).toBeNull();
    expect(dideduc.signatures[0].timestampAuthority).toBe("Autoridad de Sellado de Tiempo de Pruebas Certifica");
    expect(dideduc.signatures[0].timestampedAt).toBeInstanceOf(Date);

    await signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: signed.version, signer: w.signer("central-assistant") }, w.options);
    await w.expectIssuedPdfValid(caseId);
  });
});

describe("refused, with a Spanish reason on the form and nothing changed", () => {
  it("a signer certificate the CA revoked (still valid in the registry): next to the certificate field", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const before = await snapshot(caseId);
    // The central assistant's certificate revoked at the demo CA: OCSP and the CRL now say so.
    const restoreCa = w.revokeAtCa("central-assistant");
    try {
      const error = await signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") }, w.options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SigningRefusal);
      expect((error as SigningRefusal).code).toBe("CERTIFICATE_REVOKED");
      expect(shown(error).fieldErrors.pkcs12?.[0]).toMatch(/fue revocado por su autoridad de certificación/);
    } finally {
      restoreCa();
    }
    expect(await snapshot(caseId)).toEqual(before);
  });

  it.each([
    ["wrong-imprint", "TSA_INVALID", /no corresponde a esta firma/],
    ["untrusted-certificate", "TSA_INVALID", /raíz de confianza/],
    ["refuses", "TSA_REFUSED", /rechazó la solicitud/],
    ["down", "TSA_UNAVAILABLE", /no responde/],
  ] as const)("a TSA that answers %s: as the form's error", async (mode, code, message) => {
    const { caseId, version } = await caseAwaitingSignature();
    const before = await snapshot(caseId);
    const tsa = await fakeTsa(mode);
    const error = await signCertification(
      { actor: w.actors.signer, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") },
      { ...w.options, tsa },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningError);
    expect((error as SigningError).code).toBe(code);
    const visible = shown(error);
    expect(visible.message).toMatch(message);
    expect(visible.fieldErrors).toEqual({});
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("the TSA gone after the central signature was timestamped (at the document timestamp): no issued file, the case stays in central review", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const before = await snapshot(caseId);
    let tsaRequests = 0;
    const tsaGoesDown: typeof fetch = async (url, init) => {
      if (new URL(String(url)).pathname === "/tsa" && ++tsaRequests > 1) return new Response(null, { status: 503 });
      return fetch(url, init);
    };
    const error = await signAndIssue(
      { actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") },
      { ...w.options, fetch: tsaGoesDown },
    ).catch((e: unknown) => e);
    expect((error as SigningError).code).toBe("TSA_UNAVAILABLE");
    // The signature timestamp was granted; the document timestamp was the one refused.
    expect(tsaRequests).toBe(2);
    expect(await snapshot(caseId)).toEqual(before);
    expect(before.case.state).toBe("CENTRAL_REVIEW");
  });

  it("the revocation sources unreachable (OCSP and CRL): as the form's error", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const before = await snapshot(caseId);
    const unreachable: typeof fetch = async (url, init) => (/\/(ocsp|crl)/.test(String(url)) ? new Response(null, { status: 503 }) : fetch(url, init));
    const error = await signCertification(
      { actor: w.actors.signer, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") },
      { ...w.options, fetch: unreachable },
    ).catch((e: unknown) => e);
    expect((error as SigningError).code).toBe("REVOCATION_UNAVAILABLE");
    expect(shown(error).message).toMatch(/no se pudo comprobar la revocación/);
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("no TSA configured (TSA_URL unset): refused before any certificate is opened", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const before = await snapshot(caseId);
    const saved = process.env.TSA_URL;
    delete process.env.TSA_URL;
    try {
      const { tsa: _tsa, ...withoutTsa } = w.options;
      const error = await signCertification({ actor: w.actors.signer, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") }, withoutTsa).catch(
        (e: unknown) => e,
      );
      expect((error as SigningError).code).toBe("TSA_NOT_CONFIGURED");
      expect(shown(error).message).toMatch(/no está configurado/);
    } finally {
      process.env.TSA_URL = saved;
    }
    expect(await snapshot(caseId)).toEqual(before);
  });
});
