import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { findVerification } from "@/lib/cases/find-verification";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { readCaseDocument, readIssuedDocumentByCode } from "@/lib/cases/read-case-document";
import { revokeCertification } from "@/lib/cases/revoke-certification";
import { signAndIssue } from "@/lib/cases/signing/sign-case-with-signer";
import type { Case } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { transition } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { verificationUrl } from "@/lib/verification/verification-url";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb, type TNssDb } from "@/tests/helpers/pdfsig";
import { createCertifyWorld, makeScanPdf, type TActorWithName, type TCertifyWorld } from "./certify-world";

// Issue #11 §1, anulación through revokeCertification on PostgreSQL: the Encargado and the
// coordinator may revoke an issued certification; everyone else, a wrong confirmation, an outdated
// page or a case that is not issued is refused and changes nothing (case, audit trail, outbox,
// share links). On success the case is REVOKED with its date, category and internal note, one
// audit event, the holder's mail (without the note), and the public verification says REVOKED.

let w: TCertifyWorld;
let manager: TActorWithName;
let nss: TNssDb;

beforeAll(async () => {
  w = await createCertifyWorld();
  nss = createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-revocation") });
  const u = await w.db.user.findUniqueOrThrow({ where: { email: "encargado.central@demo.certifica.gt" } });
  manager = { id: u.id, roles: u.roles, dideducId: u.dideducId, name: u.name, email: u.email };
});
afterAll(async () => {
  await w?.cleanup();
});

// A D.2.2 title of the seed's registry (prisma/seed/diplomas.ts), issued by the central office alone.
const D22_FORM = {
  registrationNumber: "D-2015-018734",
  student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "5260181510901", birthDate: "1997-06-02" },
  contactPhone: "5512-3478",
};

async function issuedCase(): Promise<Case> {
  const draft = await createDraftCase(w.actors.citizen, { procedure: "DIPLOMA_FROM_2005", formData: D22_FORM }, { db: w.db });
  for (const side of ["anverso", "reverso"]) {
    const stored = await w.storage.put(await makeScanPdf(`titulo ${side} ${draft.number}`, 1));
    await w.db.uploadedFile.create({
      data: { caseId: draft.id, uploaderId: w.actors.citizen.id, kind: "SCAN", originalName: `titulo-${side}.pdf`, sha256: stored.sha256, size: stored.size, pages: 1, storageKey: stored.key },
    });
  }
  const submitted = await transition(draft.id, "submit", w.actors.citizen, {}, draft.version, { db: w.db });
  const issued = await signAndIssue({ actor: w.actors.assistant, caseId: draft.id, expectedVersion: submitted.version, signer: w.signer("central-assistant") }, w.options);
  expect(issued.state).toBe("ISSUED");
  // The file being revoked is a real issued certification: one central signature, B-LTA, pdfsig.
  const bytes = await issuedBytes(draft.id);
  const file = path.join(w.root, `issued-${draft.id}.pdf`);
  fs.writeFileSync(file, bytes);
  expectLongTermPdf(bytes, { rootPem: w.pki.rootPem, signers: 1, file, nss });
  return w.db.case.findUniqueOrThrow({ where: { id: draft.id } });
}

async function issuedBytes(caseId: string): Promise<Buffer> {
  const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "ISSUED" } });
  return w.storage.get(doc.storageKey);
}

async function addShareLink(caseId: string) {
  return w.db.shareLink.create({
    data: { caseId, label: "Universidad de San Carlos", createdById: w.actors.citizen.id, expiresAt: new Date(Date.now() + 7 * 86400_000) },
  });
}

const NOTE = "El título del respaldo fue alterado: lo confirmó el establecimiento por oficio 123-2026.";

function inputFor(c: Pick<Case, "number">, overrides: Record<string, unknown> = {}) {
  return { category: "FORGED_SUPPORT", note: NOTE, confirmNumber: c.number, ...overrides };
}

// Everything a revocation would touch.
async function snapshot(caseId: string) {
  return {
    case: await w.db.case.findUniqueOrThrow({ where: { id: caseId } }),
    events: await w.db.auditEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    mails: await w.db.outboxMail.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } }),
    shareLinks: await w.db.shareLink.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } }),
  };
}

// getCaseForActor takes the session's shape (mutable roles).
const viewer = (a: TActorWithName) => ({ id: a.id, roles: [...a.roles], dideducId: a.dideducId });

async function refusal(actor: TWorkflowActor, c: Case, input: unknown, expectedVersion = c.version): Promise<TransitionError> {
  const error = await revokeCertification({ actor, caseId: c.id, expectedVersion, input, ip: "203.0.113.7" }, { db: w.db }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransitionError);
  return error as TransitionError;
}

describe("revokeCertification", () => {
  let c: Case;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    c = await issuedCase();
    await addShareLink(c.id);
    before = await snapshot(c.id);
  });

  it("refuses the assistant, the DIDEDUC's staff and the holder, and changes nothing", async () => {
    for (const actor of [w.actors.assistant, w.actors.reviewer, w.actors.signer, w.actors.citizen]) {
      const e = await refusal(actor, c, inputFor(c));
      expect(e.code, actor.email).toBe("FORBIDDEN_ROLE");
      expect(await snapshot(c.id), actor.email).toEqual(before);
    }
  });

  it("refuses a wrong confirmation number with the error at confirmNumber, and changes nothing", async () => {
    const other = await w.caseInReview();
    for (const confirmNumber of [other.number, "", c.number.slice(0, -1)]) {
      const e = await refusal(manager, c, inputFor(c, { confirmNumber }));
      expect(e.code).toBe("INVALID_INPUT");
      expect(Object.keys(e.fieldErrors)).toEqual(["confirmNumber"]);
      expect(await snapshot(c.id)).toEqual(before);
    }
  });

  it("refuses without a category or a note, or with the category only a re-issue sets", async () => {
    for (const [field, overrides] of [
      ["category", { category: "" }],
      ["category", { category: "REPLACED" }],
      ["note", { note: "   " }],
    ] as const) {
      const e = await refusal(manager, c, inputFor(c, overrides));
      expect(e.code).toBe("INVALID_INPUT");
      expect(e.fieldErrors[field], JSON.stringify(overrides)).toBeDefined();
      expect(await snapshot(c.id)).toEqual(before);
    }
  });

  it("refuses an outdated page, and changes nothing", async () => {
    const e = await refusal(manager, c, inputFor(c), c.version - 1);
    expect(e.code).toBe("STALE_VERSION");
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("is not a plain action: performCaseAction refuses it", async () => {
    const error = await performCaseAction({ actor: manager, caseId: c.id, action: "revoke", input: inputFor(c), expectedVersion: c.version, ip: null }, { db: w.db }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransitionError);
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("lets the Encargado revoke: state, date, category, note, one audit event, the holder's mail without the note, share links closed", async () => {
    const now = new Date();
    const result = await revokeCertification({ actor: manager, caseId: c.id, expectedVersion: c.version, input: inputFor(c, { confirmNumber: ` ${c.number.toLowerCase()} ` }), ip: "203.0.113.7", now }, { db: w.db });
    expect(result).toEqual({ version: c.version + 1, state: "REVOKED", revokedAt: now });

    const after = await snapshot(c.id);
    expect(after.case).toMatchObject({
      state: "REVOKED",
      version: c.version + 1,
      revokedAt: now,
      revocationCategory: "FORGED_SUPPORT",
      revokedReason: NOTE,
      // Issued and closed before: both dates stay; the verification code too.
      issuedAt: before.case.issuedAt,
      closedAt: before.case.closedAt,
      verificationCode: before.case.verificationCode,
      // The note is not a reason the applicant is shown.
      lastNote: null,
    });

    const newEvents = after.events.slice(before.events.length);
    expect(newEvents).toHaveLength(1);
    expect(newEvents[0]).toMatchObject({ actorId: manager.id, role: "CENTRAL_MANAGER", action: "revoke", fromState: "ISSUED", toState: "REVOKED", note: null, ip: "203.0.113.7" });
    expect(newEvents[0].data).toMatchObject({ version: c.version + 1, input: { category: "FORGED_SUPPORT", note: NOTE } });

    const newMails = after.mails.slice(before.mails.length);
    expect(newMails).toHaveLength(1);
    const mail = newMails[0];
    expect(mail.to).toBe(w.actors.citizen.email);
    expect(mail.subject).toBe(`Su certificación ${c.number} fue anulada`);
    expect(mail.createdAt.getTime()).toBe(now.getTime());
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Documento de respaldo falso o alterado");
      expect(body).toContain(verificationUrl(c.verificationCode!));
      expect(body).toContain("ya no es válido");
      expect(body).not.toContain("oficio 123-2026");
    }

    expect(after.shareLinks).toHaveLength(1);
    expect(after.shareLinks[0].revokedAt).toEqual(now);

    const v = await findVerification(c.verificationCode!, { db: w.db });
    expect(v).toMatchObject({ status: "REVOKED", revocationCategory: "FORGED_SUPPORT", revokedAt: now });
    expect(JSON.stringify(v)).not.toContain("oficio 123-2026");
  });

  it("after it: refuses a second revocation as a wrong state, and changes nothing", async () => {
    const revoked = await w.db.case.findUniqueOrThrow({ where: { id: c.id } });
    const snap = await snapshot(c.id);
    const e = await refusal(manager, revoked, inputFor(revoked));
    expect(e.code).toBe("INVALID_STATE");
    expect(await snapshot(c.id)).toEqual(snap);
  });

  it("after it: the holder no longer gets the PDF nor the internal note; the staff still read both; the public download is gone", async () => {
    expect(await readCaseDocument({ actor: w.actors.citizen, caseId: c.id }, w.options)).toBeNull();
    expect(await readCaseDocument({ actor: w.actors.citizen, caseId: c.id, stage: "ISSUED" }, w.options)).toBeNull();
    const staffCopy = await readCaseDocument({ actor: manager, caseId: c.id }, w.options);
    expect(staffCopy?.stage).toBe("ISSUED");
    // The revocation lives in the database and on the verification page: the signed file is untouched.
    expect(staffCopy?.bytes.equals(await issuedBytes(c.id))).toBe(true);
    expect(await readIssuedDocumentByCode(c.verificationCode!, w.options)).toBeNull();

    const holderView = await getCaseForActor({ actor: viewer(w.actors.citizen), caseId: c.id }, { db: w.db });
    expect(holderView?.case).toMatchObject({ state: "REVOKED", revocationCategory: "FORGED_SUPPORT", revokedReason: null });
    expect(holderView?.actions).toEqual([]);
    const staffView = await getCaseForActor({ actor: viewer(manager), caseId: c.id }, { db: w.db });
    expect(staffView?.case.revokedReason).toBe(NOTE);
    expect(staffView?.actions).toEqual([]);
  });
});

describe("revokeCertification by the coordinator, and on a case that is not issued", () => {
  it("lets the coordinator revoke, recorded as coordinator", async () => {
    const c = await issuedCase();
    // The screen offers it to her (and to the Encargado), never to the assistant.
    expect((await getCaseForActor({ actor: viewer(w.actors.coordinator), caseId: c.id }, { db: w.db }))?.actions.map((a) => a.action)).toEqual(["revoke"]);
    expect((await getCaseForActor({ actor: viewer(manager), caseId: c.id }, { db: w.db }))?.actions.map((a) => a.action)).toEqual(["revoke"]);
    expect((await getCaseForActor({ actor: viewer(w.actors.assistant), caseId: c.id }, { db: w.db }))?.actions).toEqual([]);

    const result = await revokeCertification({ actor: w.actors.coordinator, caseId: c.id, expectedVersion: c.version, input: inputFor(c, { category: "HOLDER_REQUEST" }), ip: null }, { db: w.db });
    expect(result.state).toBe("REVOKED");
    const events = await w.db.auditEvent.findMany({ where: { caseId: c.id, action: "revoke" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: w.actors.coordinator.id, role: "CENTRAL_COORDINATOR" });
    expect(await findVerification(c.verificationCode!, { db: w.db })).toMatchObject({ status: "REVOKED", revocationCategory: "HOLDER_REQUEST" });
  });

  it("refuses a case still in review, and changes nothing", async () => {
    const c = await w.caseInReview();
    const snap = await snapshot(c.id);
    const e = await refusal(manager, c, inputFor(c));
    expect(e.code).toBe("INVALID_STATE");
    expect(await snapshot(c.id)).toEqual(snap);
  });
});
