import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SigningError } from "@/lib/signing/signing-error";
import { requestTimestamp } from "@/lib/signing/timestamp/request-timestamp";
import { fetchFailing, fetchWithOtherNonce } from "./faulty-fetch";
import { createServedTestPki, type TServedTestPki } from "../../../helpers/served-test-pki";

let pki: TServedTestPki;
beforeAll(async () => {
  pki = await createServedTestPki();
}, 60_000);
afterAll(async () => pki?.close());

async function refusal(promise: Promise<unknown>): Promise<SigningError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigningError);
  return error as SigningError;
}

describe("requestTimestamp (RFC 3161 against openssl ts -reply)", { timeout: 30_000 }, () => {
  it("returns a checked token over SHA-256 of the data, with the TSA's name and chain", async () => {
    const data = Buffer.from("valor de la firma");
    const before = Date.now();
    const ts = await requestTimestamp(data, { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots });
    expect(ts.tsaName).toBe("Autoridad de Sellado de Tiempo de Pruebas");
    expect(ts.tsaCertificate.equals(pki.tsaIdentity.certDer)).toBe(true);
    expect(ts.chain.map((c) => c.equals(pki.rootDer))).toEqual([true]);
    expect(Math.abs(ts.genTime.getTime() - before)).toBeLessThan(24 * 3600_000);
    // openssl agrees: the token verifies over the same data with the root trusted.
    const { execFileSync } = await import("node:child_process");
    const { writeFileSync } = await import("node:fs");
    const tokenFile = `${pki.dir}/token-check.der`;
    const dataFile = `${pki.dir}/token-data.bin`;
    writeFileSync(tokenFile, ts.token);
    writeFileSync(dataFile, data);
    const out = execFileSync("openssl", ["ts", "-verify", "-token_in", "-in", tokenFile, "-data", dataFile, "-CAfile", pki.rootPath], { encoding: "utf8" });
    expect(out).toContain("Verification: OK");
    expect(createHash("sha256").update(data).digest()).toHaveLength(32);
  });

  it("refuses a token over other bytes (wrong imprint)", async () => {
    const error = await refusal(requestTimestamp(Buffer.from("x"), { tsa: { url: (await pki.startFakeTsa({ mode: "wrong-imprint" })).url }, trustedRoots: pki.trustedRoots }));
    expect(error.code).toBe("TSA_INVALID");
    expect(error.message).toMatch(/no corresponde a esta firma/);
  });

  it("refuses a token that answers another request (nonce)", async () => {
    const error = await refusal(requestTimestamp(Buffer.from("x"), { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots, fetch: fetchWithOtherNonce }));
    expect(error.code).toBe("TSA_INVALID");
    expect(error.message).toMatch(/nonce/);
  });

  it("refuses a TSA whose certificate does not chain to a trusted root", async () => {
    const error = await refusal(requestTimestamp(Buffer.from("x"), { tsa: { url: (await pki.startFakeTsa({ mode: "untrusted-certificate" })).url }, trustedRoots: pki.trustedRoots }));
    expect(error.code).toBe("TSA_INVALID");
    expect(error.message).toMatch(/raíz de confianza/);
  });

  it("refuses a token whose TSTInfo was altered, and a signing certificate that is not a TSA's", async () => {
    const { readTimestampToken, checkTimeStampingUsage } = await import("@/lib/signing/timestamp/read-timestamp-token");
    const { readCmsSignedData } = await import("@/lib/pdf/signatures/read-cms-signed-data");
    const good = await requestTimestamp(Buffer.from("x"), { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots });
    expect(readTimestampToken(good.token, { trustedRoots: pki.trustedRoots }).genTime).toEqual(good.genTime);
    const tstInfo = readCmsSignedData(good.token).eContent!;
    const tampered = Buffer.from(good.token);
    // The last byte of the TSTInfo (inside the signed content): its digest no longer matches.
    tampered[tampered.indexOf(tstInfo) + tstInfo.length - 1] ^= 0x01;
    expect(() => readTimestampToken(tampered, { trustedRoots: pki.trustedRoots })).toThrow(/firma no verifica/);
    // RFC 3161 §2.3: only a certificate whose one, critical extended key usage is timeStamping.
    expect(() => checkTimeStampingUsage(pki.tsaIdentity.certDer)).not.toThrow();
    expect(() => checkTimeStampingUsage(pki.jose.certDer)).toThrow(/timeStamping/);
  });

  it("says the TSA refused when it answers with status rejection", async () => {
    const error = await refusal(requestTimestamp(Buffer.from("x"), { tsa: { url: (await pki.startFakeTsa({ mode: "refuses" })).url }, trustedRoots: pki.trustedRoots }));
    expect(error.code).toBe("TSA_REFUSED");
  });

  it("says the TSA is unavailable when nothing answers, or it answers an HTTP error", async () => {
    expect((await refusal(requestTimestamp(Buffer.from("x"), { tsa: { url: (await pki.startFakeTsa({ mode: "down" })).url }, trustedRoots: pki.trustedRoots }))).code).toBe("TSA_UNAVAILABLE");
    const failing = fetchFailing("/tsa");
    expect((await refusal(requestTimestamp(Buffer.from("x"), { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots, fetch: failing }))).code).toBe("TSA_UNAVAILABLE");
  });

  it("gives up after the timeout when the TSA never answers", async () => {
    const { createServer } = await import("node:http");
    const hanging = createServer(() => {});
    await new Promise<void>((r) => hanging.listen(0, "127.0.0.1", r));
    const port = (hanging.address() as { port: number }).port;
    try {
      const error = await refusal(requestTimestamp(Buffer.from("x"), { tsa: { url: `http://127.0.0.1:${port}/tsa` }, trustedRoots: pki.trustedRoots, timeoutMs: 200 }));
      expect(error.code).toBe("TSA_UNAVAILABLE");
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it("refuses when no TSA is configured", async () => {
    const error = await refusal(requestTimestamp(Buffer.from("x"), { tsa: null, trustedRoots: pki.trustedRoots }));
    expect(error.code).toBe("TSA_NOT_CONFIGURED");
    expect(error.message).toMatch(/no está configurado/);
  });

  it("sends HTTP Basic credentials when configured", async () => {
    const seen: string[] = [];
    const fetchSpy: typeof fetch = async (url, init) => {
      seen.push(String(new Headers(init?.headers).get("authorization")));
      return fetch(url, init);
    };
    await requestTimestamp(Buffer.from("x"), { tsa: { url: pki.tsa.url, username: "mineduc", password: "sécreto" }, trustedRoots: pki.trustedRoots, fetch: fetchSpy });
    expect(seen).toEqual([`Basic ${Buffer.from("mineduc:sécreto", "utf8").toString("base64")}`]);
  });
});
