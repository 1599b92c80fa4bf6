import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSignatureReport } from "@/lib/cases/build-signature-report";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { SigningRefusal } from "@/lib/cases/signing/signing-refusal";
import { toUserFacingError } from "@/lib/errors";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { TransitionError } from "@/lib/workflow/transition-error";
import { createTestPki } from "@/tests/helpers/pki-fixtures";
import { createCertifyWorld, type TCertifyWorld } from "./certify-world";
import { signingSteps } from "./signing-steps";

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

const { caseAwaitingSignature, caseAwaitingCentral, snapshot } = signingSteps(() => w);

describe("the DIDEDUC signature refuses, with a reason and nothing changed", () => {
  const cases: Array<[string, () => { pkcs12: Buffer; passphrase: string }, string, "passphrase" | "pkcs12", RegExp]> = [
    ["a wrong passphrase", () => ({ signer: w.signer("signer-guatemala-norte"), passphrase: "no-es-la-clave" }), "WRONG_PASSPHRASE", "passphrase", /contraseña/i],
    ["a file that is not a PKCS#12", () => ({ pkcs12: Buffer.from("%PDF-1.7 esto no es un certificado"), passphrase: "clave-secreta-123" }), "NOT_A_PKCS12", "pkcs12", /PKCS#12/],
    [
      "a certificate not in the registry",
      () => ({ pkcs12: createTestPki().jose.pkcs12, passphrase: createTestPki().jose.passphrase }),
      "NOT_AUTHORIZED",
      "pkcs12",
      /no está en el registro/,
    ],
    ["another DIDEDUC's signer's certificate", () => w.p12("signer-quetzaltenango"), "NOT_AUTHORIZED", "pkcs12", /Quetzaltenango/],
    ["a central office certificate", () => w.p12("central-assistant"), "NOT_AUTHORIZED", "pkcs12", /no está en el registro/],
    ["an expired certificate", () => w.p12("expired-signer"), "NOT_VALID_TODAY", "pkcs12", /no está vigente hoy: venció/],
    ["a revoked certificate", () => w.p12("revoked-signer"), "REVOKED", "pkcs12", /revocado/],
  ];

  it.each(cases)("%s", async (_label, credentials, code, field, message) => {
    const { caseId, version } = await caseAwaitingSignature();
    const before = await snapshot(caseId);
    const attempt = signCertification({ actor: w.actors.signer, caseId, expectedVersion: version, ...credentials() }, w.options);
    await expect(attempt).rejects.toBeInstanceOf(SigningRefusal);
    const error = (await attempt.catch((e) => e)) as SigningRefusal;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.fieldErrors[field]).toEqual([error.message]);
    // The action wrapper shows it as is, next to the field.
    expect(toUserFacingError(error)).toEqual({ code, message: error.message, fieldErrors: { [field]: [error.message] } });
    expect(error.message).not.toContain(credentials().passphrase);
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("refuses the signer of another DIDEDUC by scope before opening any certificate", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const before = await snapshot(caseId);
    await expect(
      signCertification({ actor: w.actors.signerXela, caseId, expectedVersion: version, signer: w.signer("signer-quetzaltenango") }, w.options),
    ).rejects.toMatchObject({ name: "TransitionError", code: "OUT_OF_SCOPE" });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("refuses a registry entry bound to another person's account", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const before = await snapshot(caseId);
    const attempt = signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-coordinator") }, w.options);
    await expect(attempt).rejects.toMatchObject({ code: "NOT_AUTHORIZED", message: expect.stringMatching(/otra persona/) });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("refuses a DIDEDUC certificate for the central signature", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const before = await snapshot(caseId);
    await expect(
      signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") }, w.options),
    ).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("never writes the passphrase into the audit trail", async () => {
    const { caseId, version } = await caseAwaitingSignature();
    const creds = w.p12("signer-guatemala-norte");
    await signCertification({ actor: w.actors.signer, caseId, expectedVersion: version, ...creds }, w.options);
    const events = await w.db.auditEvent.findMany({ where: { caseId } });
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(creds.passphrase);
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
