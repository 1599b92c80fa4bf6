import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCertification } from "@/lib/cases/generate-certification";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { SigningRefusal } from "@/lib/cases/signing/signing-refusal";
import { verificationUrl } from "@/lib/verification/verification-url";
import { CHECKLIST, createCertifyWorld, type TCertifyWorld } from "./certify-world";

// The issuance mail is written to the outbox by the issuing transaction itself (notifyApplicant
// inside the transition's apply) and delivered after the commit: it exists exactly when the case
// is ISSUED.

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

async function caseAwaitingCentral() {
  const submitted = await w.caseInReview();
  const generated = await generateCertification(
    { actor: w.actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
    w.options,
  );
  const signed = await signCertification(
    { actor: w.actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") },
    w.options,
  );
  return { caseId: submitted.id, version: signed.version, verificationCode: generated.verificationCode };
}

const issuanceMails = (caseId: string) => w.db.outboxMail.findMany({ where: { caseId, subject: { contains: "fue emitida" } } });

describe("the issuance mail", () => {
  it("is in the outbox after issuing, addressed to the applicant with the verification URL", async () => {
    const { caseId, version, verificationCode } = await caseAwaitingCentral();
    expect(await issuanceMails(caseId)).toHaveLength(0);
    await signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") }, w.options);

    const c = await w.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(c.state).toBe("ISSUED");
    const mails = await issuanceMails(caseId);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe(w.actors.citizen.email);
    expect(mails[0].subject).toBe(`Su certificación ${c.number} fue emitida`);
    expect(mails[0].text).toContain(verificationUrl(verificationCode));
    expect(mails[0].text).toContain(verificationCode);
    // Written by the same transaction as the state change: same clock as issuedAt.
    expect(mails[0].createdAt.getTime()).toBe(c.issuedAt!.getTime());
    // No SMTP in the test environment: it stays in the outbox, unsent and without error.
    expect(mails[0].sentAt).toBeNull();
    await w.expectIssuedPdfValid(caseId);
  });

  it("rolls back with the transition when the issuing transaction fails after writing it", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    const before = {
      case: await w.db.case.findUniqueOrThrow({ where: { id: caseId } }),
      signatures: await w.db.signature.count({ where: { caseId } }),
      documents: await w.db.documentVersion.count({ where: { caseId } }),
      mails: await w.db.outboxMail.count({ where: { caseId } }),
    };
    // The audit event is the last write of transition(), after apply has written the outbox row:
    // make that write fail for this case only.
    const fn = `fail_issue_${caseId.replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
    await w.db.$executeRawUnsafe(`
      CREATE FUNCTION ${fn}() RETURNS trigger AS $$
      BEGIN
        IF NEW."caseId" = '${caseId}' AND NEW."action" = 'sign_and_issue' THEN
          RAISE EXCEPTION 'simulated failure after apply';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await w.db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      await expect(
        signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") }, w.options),
      ).rejects.toThrow(/simulated failure after apply/);
    } finally {
      await w.db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "AuditEvent"`);
      await w.db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    expect(await w.db.case.findUniqueOrThrow({ where: { id: caseId } })).toEqual(before.case);
    expect(await w.db.signature.count({ where: { caseId } })).toBe(before.signatures);
    expect(await w.db.documentVersion.count({ where: { caseId } })).toBe(before.documents);
    expect(await w.db.outboxMail.count({ where: { caseId } })).toBe(before.mails);
    expect(await issuanceMails(caseId)).toHaveLength(0);

    // The same click once the failure is gone issues and mails exactly once.
    await signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant") }, w.options);
    expect(await issuanceMails(caseId)).toHaveLength(1);
  });

  it("is not written when the signature is refused", async () => {
    const { caseId, version } = await caseAwaitingCentral();
    // Another person's central certificate.
    await expect(
      signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-coordinator") }, w.options),
    ).rejects.toBeInstanceOf(SigningRefusal);
    await expect(
      signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") }, w.options),
    ).rejects.toMatchObject({ code: "NOT_AUTHORIZED" });
    expect(await issuanceMails(caseId)).toHaveLength(0);
    expect((await w.db.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("CENTRAL_REVIEW");
  });
});
