import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPki } from "@/tests/helpers/pki-fixtures";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { completeCaseSigning } from "@/lib/cases/signing/complete-case-signing";
import { prepareCaseSigning } from "@/lib/cases/signing/prepare-case-signing";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { createCertifyWorld, type TCertifyWorld } from "./certify-world";
import { signingSteps } from "./signing-steps";

// The browser's side, played by the test: the demo .p12 is opened HERE with openPkcs12Signer, and
// the server receives only certificates and a signature value (decision 0017).
let w: TCertifyWorld;
beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});
const { caseAwaitingSignature, caseAwaitingCentral, snapshot } = signingSteps(() => w);

async function browser(key: string) {
  const { pkcs12, passphrase } = w.p12(key);
  const signer = openPkcs12Signer(pkcs12, passphrase);
  const { certificate, chain } = await signer.certificates();
  return { certificates: [certificate, ...chain], sign: (data: Buffer) => signer.sign(data) };
}

async function signInBrowser(key: string, args: { actor: TCertifyWorld["actors"]["signer"]; caseId: string; expectedVersion: number; action: "sign" | "sign_and_issue" }) {
  const b = await browser(key);
  const prepared = await prepareCaseSigning({ ...args, certificates: b.certificates }, w.options);
  const signatureValue = await b.sign(Buffer.from(prepared.signedAttributes, "base64"));
  return { prepared, signatureValue, complete: () => completeCaseSigning({ actor: args.actor, preparedSigningId: prepared.preparedSigningId, signatureValue }, w.options) };
}

describe("browser signing: prepare / complete (issue #13)", { timeout: 120_000 }, () => {
  it("D.1.1: the DIDEDUC signs, then the central office signs and issues; the issued file passes pdfsig and qpdf", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const dideduc = await signInBrowser("signer-guatemala-norte", { actor: w.actors.signer, caseId, expectedVersion: version, action: "sign" });
    expect(dideduc.prepared.keyAlgorithm).toBe("RSA");
    const signed = await dideduc.complete();
    expect(signed.state).toBe("CENTRAL_REVIEW");
    const central = await signInBrowser("central-assistant", { actor: w.actors.assistant, caseId, expectedVersion: signed.version, action: "sign_and_issue" });
    const issued = await central.complete();
    expect(issued.state).toBe("ISSUED");
    // pdfsig, qpdf, our validator, B-LTA, and the Signature rows' timestamps.
    await w.expectIssuedPdfValid(caseId);
    expect(await w.db.preparedSigning.count({ where: { caseId, usedAt: null } })).toBe(0);
  });

  it("a replayed prepared signing is refused and changes nothing", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const s = await signInBrowser("signer-guatemala-norte", { actor: w.actors.signer, caseId, expectedVersion: version, action: "sign" });
    await s.complete();
    const before = await snapshot(caseId);
    await expect(s.complete()).rejects.toMatchObject({ name: "SigningRefusal", code: "PREPARED_SIGNING_INVALID" });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("another person's prepared signing is refused as unknown and changes nothing", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const s = await signInBrowser("central-assistant", { actor: w.actors.assistant, caseId, expectedVersion: version, action: "sign_and_issue" });
    const before = await snapshot(caseId);
    await expect(
      completeCaseSigning({ actor: w.actors.coordinator, preparedSigningId: s.prepared.preparedSigningId, signatureValue: s.signatureValue }, w.options),
    ).rejects.toMatchObject({ name: "SigningRefusal", code: "PREPARED_SIGNING_INVALID", message: expect.stringMatching(/no existe/) });
    expect(await snapshot(caseId)).toEqual(before);
    // Its owner still completes it.
    await expect(s.complete()).resolves.toMatchObject({ state: "ISSUED" });
  });

  it("two concurrent completions of one prepared signing: one signature, the other refused", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const s = await signInBrowser("signer-guatemala-norte", { actor: w.actors.signer, caseId, expectedVersion: version, action: "sign" });
    const results = await Promise.allSettled([s.complete(), s.complete()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    // STALE_VERSION when both passed the early checks (the row is marked used once, in the
    // transaction); PREPARED_SIGNING_INVALID if the first had already committed when the second read it.
    expect(["STALE_VERSION", "PREPARED_SIGNING_INVALID"]).toContain((rejected?.reason as { code?: string }).code);
    expect(await w.db.signature.count({ where: { caseId } })).toBe(1);
    expect(await w.db.documentVersion.count({ where: { caseId, stage: "DIDEDUC_SIGNED" } })).toBe(1);
    expect(await w.db.auditEvent.count({ where: { caseId, action: "sign" } })).toBe(1);
  });

  it("an expired prepared signing (over 5 minutes) is refused and changes nothing", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const s = await signInBrowser("signer-guatemala-norte", { actor: w.actors.signer, caseId, expectedVersion: version, action: "sign" });
    const before = await snapshot(caseId);
    const later = new Date(s.prepared.expiresAt.getTime() + 1000);
    await expect(
      completeCaseSigning({ actor: w.actors.signer, preparedSigningId: s.prepared.preparedSigningId, signatureValue: s.signatureValue }, { ...w.options, now: later }),
    ).rejects.toMatchObject({ code: "PREPARED_SIGNING_INVALID", message: expect.stringMatching(/venció/) });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("a signature value over other attributes is refused and changes nothing", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const b = await browser("signer-guatemala-norte");
    const prepared = await prepareCaseSigning({ actor: w.actors.signer, caseId, expectedVersion: version, action: "sign", certificates: b.certificates }, w.options);
    const other = Buffer.from(prepared.signedAttributes, "base64");
    other[other.length - 1] ^= 0xff;
    const before = await snapshot(caseId);
    await expect(
      completeCaseSigning({ actor: w.actors.signer, preparedSigningId: prepared.preparedSigningId, signatureValue: await b.sign(other) }, w.options),
    ).rejects.toMatchObject({ code: "SIGNATURE_MISMATCH" });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("a case changed between prepare and complete is refused (STALE_VERSION) and nothing else changes", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const s = await signInBrowser("central-assistant", { actor: w.actors.assistant, caseId, expectedVersion: version, action: "sign_and_issue" });
    // Another tab returns the case to the DIDEDUC meanwhile.
    await performCaseAction(
      { actor: w.actors.assistant, caseId, action: "return_to_signer", input: { reason: "La firma no corresponde a la persona autorizada." }, expectedVersion: version, ip: null },
      { db: w.db },
    );
    const before = await snapshot(caseId);
    const attempt = s.complete().catch((e: unknown) => e);
    expect(await attempt).toMatchObject({ name: "TransitionError" });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("a certificate not in the registry is refused at prepare; nothing is stored", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const before = await snapshot(caseId);
    const stranger = createTestPki().jose;
    const attempt = prepareCaseSigning({ actor: w.actors.signer, caseId, expectedVersion: version, action: "sign", certificates: [stranger.certDer] }, w.options);
    await expect(attempt).rejects.toMatchObject({ name: "SigningRefusal", code: "NOT_AUTHORIZED", message: expect.stringMatching(/no está en el registro/) });
    expect(await snapshot(caseId)).toEqual(before);
    expect(await w.db.preparedSigning.count({ where: { caseId } })).toBe(0);
  });

  it("a certificate the CA revoked between prepare and complete is refused at complete; nothing changes", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const s = await signInBrowser("central-assistant", { actor: w.actors.assistant, caseId, expectedVersion: version, action: "sign_and_issue" });
    const before = await snapshot(caseId);
    const restoreCa = w.revokeAtCa("central-assistant");
    try {
      await expect(s.complete()).rejects.toMatchObject({ name: "SigningRefusal", code: "CERTIFICATE_REVOKED" });
      // And a new prepare with it is refused too.
      const b = await browser("central-assistant");
      await expect(
        prepareCaseSigning({ actor: w.actors.assistant, caseId, expectedVersion: version, action: "sign_and_issue", certificates: b.certificates }, w.options),
      ).rejects.toMatchObject({ code: "CERTIFICATE_REVOKED" });
    } finally {
      restoreCa();
    }
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("a registry entry revoked between prepare and complete is refused at complete; nothing changes", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const s = await signInBrowser("signer-guatemala-norte", { actor: w.actors.signer, caseId, expectedVersion: version, action: "sign" });
    const before = await snapshot(caseId);
    const entry = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id: (await w.db.preparedSigning.findUniqueOrThrow({ where: { id: s.prepared.preparedSigningId } })).authorizedSignerId } });
    await w.db.authorizedSigner.update({ where: { id: entry.id }, data: { revokedAt: new Date(Date.now() - 1000), revokedReason: "Cambio de personal" } });
    try {
      await expect(s.complete()).rejects.toMatchObject({ name: "SigningRefusal", code: "REVOKED", message: expect.stringMatching(/Cambio de personal/) });
    } finally {
      await w.db.authorizedSigner.update({ where: { id: entry.id }, data: { revokedAt: entry.revokedAt, revokedReason: entry.revokedReason } });
    }
    expect(await snapshot(caseId)).toEqual(before);
    expect((await w.db.preparedSigning.findUniqueOrThrow({ where: { id: s.prepared.preparedSigningId } })).usedAt).toBeNull();
  });

  describe("prepare refuses the certificate the browser reported; nothing is stored", () => {
    it.each([
      ["of another DIDEDUC", "signer-quetzaltenango", "NOT_AUTHORIZED", /Quetzaltenango/],
      ["of the central office", "central-assistant", "NOT_AUTHORIZED", /no está en el registro/],
      ["expired", "expired-signer", "NOT_VALID_TODAY", /venció/],
      ["revoked in the registry", "revoked-signer", "REVOKED", /revocado/],
    ])("a certificate %s", async (_label, key, code, message) => {
      const { caseId, version } = await caseAwaitingSignature();
      const before = await snapshot(caseId);
      const b = await browser(key);
      const attempt = prepareCaseSigning({ actor: w.actors.signer, caseId, expectedVersion: version, action: "sign", certificates: b.certificates }, w.options);
      await expect(attempt).rejects.toMatchObject({ name: "SigningRefusal", code, message: expect.stringMatching(message) });
      expect(await snapshot(caseId)).toEqual(before);
      expect(await w.db.preparedSigning.count({ where: { caseId } })).toBe(0);
    });
  });
});
