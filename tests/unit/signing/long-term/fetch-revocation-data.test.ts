import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pkijs from "pkijs";
import { fetchRevocationData } from "@/lib/signing/revocation/fetch-revocation-data";
import { SigningError } from "@/lib/signing/signing-error";
import { createTestPki } from "../../../helpers/pki-fixtures";
import { fetchFailing } from "./faulty-fetch";
import { createServedTestPki, type TServedTestPki } from "../../../helpers/served-test-pki";

let pki: TServedTestPki;
beforeAll(async () => {
  pki = await createServedTestPki();
}, 60_000);
afterAll(async () => pki?.close());

async function failure(promise: Promise<unknown>): Promise<SigningError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigningError);
  return error as SigningError;
}

describe("fetchRevocationData (openssl ocsp and openssl ca -gencrl on 127.0.0.1)", { timeout: 30_000 }, () => {
  it("a good certificate: one verified OCSP response (delegated responder), the path and the responder's certificate", async () => {
    const data = await fetchRevocationData([pki.jose.certDer, pki.rootDer], { trustedRoots: pki.trustedRoots, now: new Date() });
    expect(data.status).toBe("good");
    expect(data.ocspResponses).toHaveLength(1);
    expect(data.crls).toHaveLength(0);
    const response = pkijs.OCSPResponse.fromBER(new Uint8Array(data.ocspResponses[0]));
    expect(response.responseStatus.valueBlock.valueDec).toBe(0);
    expect(data.certificates[0].equals(pki.jose.certDer)).toBe(true);
    expect(data.certificates[1].equals(pki.rootDer)).toBe(true);
    // The delegated responder's certificate, so a validator finds it in the DSS.
    expect(data.certificates).toHaveLength(3);
  });

  it("a revoked certificate: CERTIFICATE_REVOKED with a Spanish message naming it", async () => {
    const error = await failure(fetchRevocationData([pki.revoked.certDer, pki.rootDer], { trustedRoots: pki.trustedRoots, now: new Date() }));
    expect(error.code).toBe("CERTIFICATE_REVOKED");
    expect(error.message).toMatch(/«Ramón Ordóñez Revocado» fue revocado/);
    const allowed = await fetchRevocationData([pki.revoked.certDer], { trustedRoots: pki.trustedRoots, now: new Date(), allowRevoked: true });
    expect(allowed.status).toBe("revoked");
    expect(allowed.revokedAt).toBeInstanceOf(Date);
  });

  it("falls back to the CRL when the OCSP responder is down, and still sees a revocation", async () => {
    const fetch = fetchFailing("/ocsp");
    {
      const good = await fetchRevocationData([pki.jose.certDer], { trustedRoots: pki.trustedRoots, now: new Date(), fetch });
      expect(good.ocspResponses).toHaveLength(0);
      expect(good.crls).toHaveLength(1);
      expect(pkijs.CertificateRevocationList.fromBER(new Uint8Array(good.crls[0])).revokedCertificates).toHaveLength(1);
      const error = await failure(fetchRevocationData([pki.revoked.certDer], { trustedRoots: pki.trustedRoots, now: new Date(), fetch }));
      expect(error.code).toBe("CERTIFICATE_REVOKED");
    }
  });

  it("an OCSP answer whose signature does not verify is not used: the CRL is", async () => {
    // The responder's answer with its producedAt changed on the way (first GeneralizedTime of the
    // signed ResponseData; a seconds digit stays a digit): the signature no longer covers it.
    const tampered: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (!new URL(String(url)).pathname.startsWith("/ocsp")) return response;
      const body = Buffer.from(await response.arrayBuffer());
      const producedAt = body.indexOf(Buffer.from([0x18, 0x0f]));
      body[producedAt + 2 + 13] ^= 0x01;
      return new Response(new Uint8Array(body), { status: 200, headers: { "content-type": "application/ocsp-response" } });
    };
    const data = await fetchRevocationData([pki.jose.certDer], { trustedRoots: pki.trustedRoots, now: new Date(), fetch: tampered });
    expect(data.ocspResponses).toHaveLength(0);
    expect(data.crls).toHaveLength(1);
  });

  it("REVOCATION_UNAVAILABLE when neither OCSP nor CRL answer, or the certificate names neither", async () => {
    const error = await failure(fetchRevocationData([pki.jose.certDer], { trustedRoots: pki.trustedRoots, now: new Date(), fetch: fetchFailing("/ocsp", "/crl") }));
    expect(error.code).toBe("REVOCATION_UNAVAILABLE");
    expect(error.message).toMatch(/no respondió/);
    // The openssl test PKI of pki-fixtures names no CRL nor OCSP address.
    const plain = createTestPki();
    const bare = await failure(fetchRevocationData([plain.jose.certDer], { trustedRoots: [plain.root.certDer], now: new Date() }));
    expect(bare.code).toBe("REVOCATION_UNAVAILABLE");
    expect(bare.message).toMatch(/no indica dónde consultarla/);
  });

  it("refuses answers that are stale for the time asked about, and a chain that is not trusted", async () => {
    // A week later, the OCSP answer (nextUpdate: 1 day) and the CRL (7 days) are both out of date.
    const later = new Date(Date.now() + 8 * 24 * 3600_000);
    const error = await failure(fetchRevocationData([pki.jose.certDer], { trustedRoots: pki.trustedRoots, now: later }));
    expect(error.code).toBe("REVOCATION_UNAVAILABLE");
    const untrusted = await failure(fetchRevocationData([pki.jose.certDer], { trustedRoots: [pki.tsaIdentity.certDer], now: new Date() }));
    expect(untrusted.code).toBe("REVOCATION_UNAVAILABLE");
  });
});
