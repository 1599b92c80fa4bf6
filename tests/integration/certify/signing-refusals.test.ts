import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCertification } from "@/lib/cases/generate-certification";
import { completeCaseSigning } from "@/lib/cases/signing/complete-case-signing";
import { prepareCaseSigning } from "@/lib/cases/signing/prepare-case-signing";
import type { DocumentSigner } from "@/lib/signing/signer";
import { buildSignatureReport } from "@/lib/cases/build-signature-report";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { SigningRefusal } from "@/lib/cases/signing/signing-refusal";
import { toUserFacingError } from "@/lib/errors";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { TransitionError } from "@/lib/workflow/transition-error";
import { createTestPki } from "@/tests/helpers/pki-fixtures";
import { CHECKLIST, createCertifyWorld, type TCertifyWorld } from "./certify-world";
import { signingSteps } from "./signing-steps";

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

// Every refusal that is still the server's (a wrong passphrase or a damaged .p12 is the browser's
// now: tests/unit/signing/browser), through prepare → sign → complete with the key in this process
// playing the browser. A refusal at prepare writes nothing at all (no prepared file, no row); a
// refusal at complete leaves the prepared signing unused and changes nothing else.
const { caseAwaitingSignature, caseAwaitingCentral, snapshot, preparedState } = signingSteps(() => w);

async function expectRefusedAtPrepare(caseId: string, attempt: () => Promise<unknown>) {
  const before = { ...(await snapshot(caseId)), ...(await preparedState()) };
  const error = await attempt().catch((e: unknown) => e);
  expect({ ...(await snapshot(caseId)), ...(await preparedState()) }).toEqual(before);
  return error;
}

// Prepared, then refused at complete: the case, its documents, signatures, audit trail, outbox and
// files are as before, and the prepared signing is still unused.
async function expectRefusedAtComplete(caseId: string, attempt: () => Promise<unknown>) {
  const before = { ...(await snapshot(caseId)), ...(await preparedState()) };
  const unused = await w.db.preparedSigning.count({ where: { caseId, usedAt: null } });
  expect(unused).toBeGreaterThan(0);
  const error = await attempt().catch((e: unknown) => e);
  expect({ ...(await snapshot(caseId)), ...(await preparedState()) }).toEqual(before);
  expect(await w.db.preparedSigning.count({ where: { caseId, usedAt: null } })).toBe(unused);
  return error;
}

describe("the DIDEDUC signature refuses the certificate at prepare, with a reason next to it and nothing written", () => {
  const stranger = () => {
    const jose = createTestPki().jose;
    return openPkcs12Signer(jose.pkcs12, jose.passphrase);
  };
  const cases: Array<[string, () => DocumentSigner, string, RegExp]> = [
    ["a certificate not in the registry", stranger, "NOT_AUTHORIZED", /no está en el registro/],
    ["another DIDEDUC's signer's certificate", () => w.signer("signer-quetzaltenango"), "NOT_AUTHORIZED", /Quetzaltenango/],
    ["a central office certificate", () => w.signer("central-assistant"), "NOT_AUTHORIZED", /no está en el registro/],
    ["an expired certificate", () => w.signer("expired-signer"), "NOT_VALID_TODAY", /no está vigente hoy: venció/],
    ["a certificate revoked in the registry", () => w.signer("revoked-signer"), "REVOKED", /revocado/],
  ];

  it.each(cases)("%s", async (_label, signer, code, message) => {
    const { caseId, version } = await caseAwaitingSignature();
    const error = await expectRefusedAtPrepare(caseId, () =>
      signCertification({ actor: w.actors.signer, caseId, expectedVersion: version, signer: signer() }, w.options),
    );
    expect(error).toBeInstanceOf(SigningRefusal);
    const refusal = error as SigningRefusal;
    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(message);
    expect(refusal.fieldErrors.pkcs12).toEqual([refusal.message]);
    // The action wrapper shows it as is, next to the certificate field.
    expect(toUserFacingError(refusal)).toEqual({ code, message: refusal.message, fieldErrors: { pkcs12: [refusal.message] } });
  });

  it("a certificate its CA revoked (still valid in the registry)", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const restore = w.revokeAtCa("signer-guatemala-norte");
    try {
      const error = await expectRefusedAtPrepare(caseId, () =>
        signCertification({ actor: w.actors.signer, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") }, w.options),
      );
      expect(error).toMatchObject({ name: "SigningRefusal", code: "CERTIFICATE_REVOKED", message: expect.stringMatching(/fue revocado por su autoridad de certificación/) });
    } finally {
      restore();
    }
  });

  it('"Director o Subdirector (Jefe para las tipo A y B)": a post the DIDEDUC\'s type no longer allows', async () => {
    const submitted = await w.caseInReview(undefined, w.xela.id);
    const generated = await generateCertification(
      { actor: w.actors.reviewerXela, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      w.options,
    );
    // Quetzaltenango's signer is its Jefe; as type C only a Director or Subdirector signs for it.
    await w.db.dideduc.update({ where: { id: w.xela.id }, data: { type: "C" } });
    try {
      const error = await expectRefusedAtPrepare(submitted.id, () =>
        signCertification({ actor: w.actors.signerXela, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-quetzaltenango") }, w.options),
      );
      expect(error).toMatchObject({ name: "SigningRefusal", code: "POST_NOT_ALLOWED", field: "pkcs12" });
    } finally {
      await w.db.dideduc.update({ where: { id: w.xela.id }, data: { type: "A" } });
    }
  });

  it("the revocation sources unreachable (OCSP and CRL): the form's error", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const unreachable: typeof fetch = async (url, init) => (/\/(ocsp|crl)/.test(String(url)) ? new Response(null, { status: 503 }) : fetch(url, init));
    const error = await expectRefusedAtPrepare(caseId, () =>
      signCertification({ actor: w.actors.signer, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") }, { ...w.options, fetch: unreachable }),
    );
    expect(error).toMatchObject({ name: "SigningError", code: "REVOCATION_UNAVAILABLE" });
    // The form's error, not a field's: the person cannot fix it with another certificate.
    expect(toUserFacingError(error)?.fieldErrors ?? {}).toEqual({});
  });

  it("refuses the signer of another DIDEDUC by scope before looking at any certificate", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const error = await expectRefusedAtPrepare(caseId, () =>
      signCertification({ actor: w.actors.signerXela, caseId, expectedVersion: version, signer: w.signer("signer-quetzaltenango") }, w.options),
    );
    expect(error).toMatchObject({ name: "TransitionError", code: "OUT_OF_SCOPE" });
  });
});

describe("the central signature refuses the certificate at prepare, nothing written", () => {
  it("a registry entry bound to another person's account", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const error = await expectRefusedAtPrepare(caseId, () =>
      signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-coordinator") }, w.options),
    );
    expect(error).toMatchObject({ code: "NOT_AUTHORIZED", message: expect.stringMatching(/otra persona/) });
  });

  it("a DIDEDUC certificate for the central signature", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const error = await expectRefusedAtPrepare(caseId, () =>
      signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") }, w.options),
    );
    expect(error).toMatchObject({ code: "NOT_AUTHORIZED", message: expect.stringMatching(/Atención al Ciudadano/) });
  });
});

describe("refused at complete, after a good prepare: the prepared signing stays unused and nothing else changes", () => {
  async function prepared(caseId: string, version: number, key = "signer-guatemala-norte") {
    const signer = w.signer(key);
    const { certificate, chain } = await signer.certificates();
    const p = await prepareCaseSigning({ actor: w.actors.signer, caseId, expectedVersion: version, action: "sign", certificates: [certificate, ...chain] }, w.options);
    const signatureValue = await signer.sign(Buffer.from(p.signedAttributes, "base64"));
    return (options: typeof w.options & { fetch?: typeof fetch }) =>
      completeCaseSigning({ actor: w.actors.signer, preparedSigningId: p.preparedSigningId, signatureValue }, options);
  }

  it("the TSA down: the form's error", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const before = await snapshot(caseId);
    const complete = await prepared(caseId, version);
    // Nothing listens on the discard port.
    const error = await expectRefusedAtComplete(caseId, () => complete({ ...w.options, tsa: { url: "http://127.0.0.1:9/tsa" } }));
    expect(error).toMatchObject({ name: "SigningError", code: "TSA_UNAVAILABLE" });
    expect(await snapshot(caseId)).toEqual(before);
    // With the TSA back, the same prepared signing completes.
    await expect(complete(w.options)).resolves.toMatchObject({ state: "CENTRAL_REVIEW" });
  });

  it("the revocation sources unreachable at the completion's second check", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const complete = await prepared(caseId, version);
    const unreachable: typeof fetch = async (url, init) => (/\/(ocsp|crl)/.test(String(url)) ? new Response(null, { status: 503 }) : fetch(url, init));
    const error = await expectRefusedAtComplete(caseId, () => complete({ ...w.options, fetch: unreachable }));
    expect(error).toMatchObject({ name: "SigningError", code: "REVOCATION_UNAVAILABLE" });
  });

  it("the certificate revoked at its CA between prepare and complete", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const complete = await prepared(caseId, version);
    const restore = w.revokeAtCa("signer-guatemala-norte");
    try {
      const error = await expectRefusedAtComplete(caseId, () => complete(w.options));
      expect(error).toMatchObject({ name: "SigningRefusal", code: "CERTIFICATE_REVOKED" });
    } finally {
      restore();
    }
  });
});

describe("a double click signs once", () => {
  it("two concurrent DIDEDUC signatures with the same version: one succeeds, the other is STALE_VERSION", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const input = { actor: w.actors.signer, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") };
    const results = await Promise.allSettled([signCertification(input, w.options), signCertification(input, w.options)]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(TransitionError);
    expect(rejected[0].reason.code).toBe("STALE_VERSION");
    expect(await w.db.signature.count({ where: { caseId } })).toBe(1);
    expect(await w.db.documentVersion.count({ where: { caseId, stage: "DIDEDUC_SIGNED" } })).toBe(1);
    expect(await w.db.auditEvent.count({ where: { caseId, action: "sign" } })).toBe(1);
    const c = await w.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({ state: "CENTRAL_REVIEW", version: version + 1 });
  });

  it("a second click after the first finished is refused and adds nothing", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const input = { actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") };
    await signAndIssue(input, w.options);
    await expect(signAndIssue(input, w.options)).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect(await w.db.signature.count({ where: { caseId } })).toBe(2);
    expect(await w.db.documentVersion.count({ where: { caseId, stage: "ISSUED" } })).toBe(1);
    expect(await w.db.outboxMail.count({ where: { caseId, subject: { contains: "emitida" } } })).toBe(1);
    await w.expectIssuedPdfValid(caseId);
  });

  it("two concurrent issuances: exactly one central signature", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const input = { actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") };
    const results = await Promise.allSettled([signAndIssue(input, w.options), signAndIssue(input, w.options)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await w.db.signature.count({ where: { caseId } })).toBe(2);
    expect(await w.db.documentVersion.count({ where: { caseId, stage: "ISSUED" } })).toBe(1);
    await w.expectIssuedPdfValid(caseId);
  });
});

describe("the central office's signature report and issuance on a file it cannot trust", () => {
  // A DIDEDUC_SIGNED version signed outside the system (a certificate nobody registered), as if
  // the file had been swapped: the report must say so and issuance must still verify integrity.
  async function swapDideducDocument(caseId: string, transform: (signed: Buffer) => Promise<Buffer> | Buffer) {
    const current = await w.db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "DIDEDUC_SIGNED" } });
    const bytes = await transform(await w.storage.get(current.storageKey));
    const stored = await w.storage.put(bytes);
    await w.db.documentVersion.update({ where: { id: current.id }, data: { sha256: stored.sha256, size: stored.size, storageKey: stored.key } });
  }

  it("flags a signature by an unregistered certificate", async () => {
    const { caseId } = await caseAwaitingCentral();
    await swapDideducDocument(caseId, async () => {
      const unsigned = await w.db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "UNSIGNED" } });
      const jose = createTestPki().jose;
      return signPdf(await w.storage.get(unsigned.storageKey), openPkcs12Signer(jose.pkcs12, jose.passphrase), {
        reason: "Prueba",
        location: "Guatemala",
        name: jose.name,
        signingTime: new Date(),
      });
    });
    const report = await buildSignatureReport({ caseId }, w.options);
    expect(report?.ok).toBe(false);
    expect(report?.signatures[0]).toMatchObject({ intact: true, coversWholeFile: true, authorized: false, validAtSigning: false, chainTrusted: false });
    expect(report?.signatures[0].problems.join(" ")).toMatch(/no está en el registro de firmantes autorizados de Dirección Departamental de Educación de Guatemala Norte/);
  });

  it("flags a changed byte and an appended update, and refuses to issue over them", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const original = await w.db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "DIDEDUC_SIGNED" } });
    const originalBytes = await w.storage.get(original.storageKey);

    await swapDideducDocument(caseId, (signed) => Buffer.concat([signed, Buffer.from("\n1 0 obj\n<< >>\nendobj\n%%EOF\n")]));
    let report = await buildSignatureReport({ caseId }, w.options);
    expect(report).toMatchObject({ ok: false, modifiedAfterLastSignature: true });
    expect(report?.signatures[0]).toMatchObject({ intact: true, coversWholeFile: false, authorized: true });
    const before = await snapshot(caseId);
    await expect(
      signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") }, w.options),
    ).rejects.toMatchObject({ code: "DOCUMENT_ALTERED" });
    expect(await snapshot(caseId)).toEqual(before);

    await swapDideducDocument(caseId, () => {
      const flipped = Buffer.from(originalBytes);
      // A byte inside the first page's content, well before the signature's /Contents gap.
      const at = flipped.indexOf("stream") + 20;
      flipped[at] = flipped[at] ^ 0x01;
      return flipped;
    });
    report = await buildSignatureReport({ caseId }, w.options);
    expect(report?.ok).toBe(false);
    expect(report?.signatures[0].intact).toBe(false);
    await expect(
      signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") }, w.options),
    ).rejects.toMatchObject({ code: "DOCUMENT_ALTERED" });
  });
});
