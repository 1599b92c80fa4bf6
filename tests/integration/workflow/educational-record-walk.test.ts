import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import type { Case } from "@/lib/generated/prisma/client";
import type { CaseState, Role } from "@/lib/generated/prisma/enums";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { transition } from "@/lib/workflow/transition";
import type { TTestDatabase } from "../../helpers/test-database";
import { createTestDatabase } from "../../helpers/test-database";
import { seedWorld, type TWorld } from "./seed-world";

let tdb: TTestDatabase;
let w: TWorld;

beforeAll(async () => {
  tdb = await createTestDatabase();
  w = await seedWorld(tdb.prisma);
});
afterAll(async () => {
  await tdb?.drop();
});

const walked = new Set<string>();
let clock = Date.parse("2026-02-02T14:00:00Z");
const tick = () => new Date((clock += 60_000));

// One step: take the transition, then check the case row and the audit event it wrote.
async function step(c: Case, action: string, actor: TWorkflowActor, role: Role, input: Record<string, unknown> = {}): Promise<Case> {
  const db = tdb.prisma;
  const now = tick();
  const auditsBefore = await db.auditEvent.count({ where: { caseId: c.id } });
  const next = await transition(c.id, action, actor, input, c.version, { db, now, ip: "198.51.100.4" });
  walked.add(`${action}@${c.state}`);

  expect(next.version).toBe(c.version + 1);
  expect(await db.auditEvent.count({ where: { caseId: c.id } })).toBe(auditsBefore + 1);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id }, orderBy: { id: "desc" } });
  const reason = typeof input.reason === "string" ? input.reason.trim() : null;
  expect(audit).toMatchObject({
    actorId: actor.id,
    role,
    action,
    fromState: c.state,
    toState: next.state,
    note: reason,
    ip: "198.51.100.4",
    delegationId: null,
    createdAt: now,
  });
  expect(next.lastNote).toBe(reason);
  return next;
}

describe("D.1.1 expediente educativo, every transition in the database", () => {
  const expectedStates: Record<string, CaseState> = {};

  it("walks the long road: correction, returns from the signer and from the central office (to the review and to the signature), issuance", async () => {
    const db = tdb.prisma;
    let c = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id, formData: { kind: "escolar" } }, { db, now: tick() });
    expect(c).toMatchObject({ state: "DRAFT", version: 0, submittedAt: null });
    expect(c.number).toMatch(/^EE-2026-\d{6}$/);
    const created = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(created).toMatchObject({ action: "create", role: "CITIZEN", fromState: null, toState: "DRAFT", actorId: w.citizen.id });

    c = await step(c, "submit", w.citizen, "CITIZEN");
    expect(c.state).toBe("DIDEDUC_REVIEW");
    const firstSubmittedAt = c.submittedAt;
    expect(firstSubmittedAt).not.toBeNull();

    c = await step(c, "reject_for_correction", w.reviewerA, "DIDEDUC_REVIEWER", { reason: "  Falta el reverso del diploma de sexto.  " });
    expect(c.state).toBe("NEEDS_CORRECTION");
    expect(c.closedAt).toBeNull();

    c = await step(c, "resubmit", w.citizen, "CITIZEN");
    expect(c.state).toBe("DIDEDUC_REVIEW");
    expect(c.submittedAt).toEqual(firstSubmittedAt);

    c = await step(c, "generate_certification", w.reviewerA, "DIDEDUC_REVIEWER");
    expect(c.state).toBe("DIDEDUC_SIGNATURE");

    c = await step(c, "return", w.signerA, "DIDEDUC_SIGNER", { reason: "El año de tercero básico no coincide." });
    expect(c.state).toBe("DIDEDUC_REVIEW");

    c = await step(c, "generate_certification", w.reviewerA, "DIDEDUC_REVIEWER");
    c = await step(c, "sign", w.signerA, "DIDEDUC_SIGNER");
    expect(c.state).toBe("CENTRAL_REVIEW");

    c = await step(c, "return", w.assistant, "CENTRAL_ASSISTANT", { reason: "El nombre del estudiante lleva tilde en el documento." });
    expect(c.state).toBe("DIDEDUC_REVIEW");

    c = await step(c, "generate_certification", w.reviewerA, "DIDEDUC_REVIEWER");
    c = await step(c, "sign", w.signerA, "DIDEDUC_SIGNER");

    // "Se podrá devolver a la etapa anterior": the central office's other return, to the signature.
    c = await step(c, "return_to_signer", w.assistant, "CENTRAL_ASSISTANT", { reason: "Firme con el certificado registrado para esta Dirección." });
    expect(c.state).toBe("DIDEDUC_SIGNATURE");
    c = await step(c, "sign", w.signerA, "DIDEDUC_SIGNER");
    // The coordinator signs in the assistant's absence; the trail says who really did it.
    c = await step(c, "sign_and_issue", w.coordinator, "CENTRAL_COORDINATOR");
    expect(c.state).toBe("ISSUED");
    expect(c.issuedAt).not.toBeNull();
    expect(c.closedAt).toEqual(c.issuedAt);
    const issued = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "sign_and_issue" } });
    expect(issued.data).toMatchObject({ actingAs: "CENTRAL_ASSISTANT" });

    const trail = await db.auditEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
    expect(trail.map((a) => `${a.action}:${a.fromState ?? "-"}>${a.toState}`)).toEqual([
      "create:->DRAFT",
      "submit:DRAFT>DIDEDUC_REVIEW",
      "reject_for_correction:DIDEDUC_REVIEW>NEEDS_CORRECTION",
      "resubmit:NEEDS_CORRECTION>DIDEDUC_REVIEW",
      "generate_certification:DIDEDUC_REVIEW>DIDEDUC_SIGNATURE",
      "return:DIDEDUC_SIGNATURE>DIDEDUC_REVIEW",
      "generate_certification:DIDEDUC_REVIEW>DIDEDUC_SIGNATURE",
      "sign:DIDEDUC_SIGNATURE>CENTRAL_REVIEW",
      "return:CENTRAL_REVIEW>DIDEDUC_REVIEW",
      "generate_certification:DIDEDUC_REVIEW>DIDEDUC_SIGNATURE",
      "sign:DIDEDUC_SIGNATURE>CENTRAL_REVIEW",
      "return_to_signer:CENTRAL_REVIEW>DIDEDUC_SIGNATURE",
      "sign:DIDEDUC_SIGNATURE>CENTRAL_REVIEW",
      "sign_and_issue:CENTRAL_REVIEW>ISSUED",
    ]);
    expect(trail.find((a) => a.action === "reject_for_correction")?.note).toBe("Falta el reverso del diploma de sexto.");
    expectedStates.issued = c.state;
  });

  it("rejects with guidance: the citizen is told where to go", async () => {
    const db = tdb.prisma;
    let c = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db, now: tick() });
    c = await step(c, "submit", w.citizen, "CITIZEN");
    const supervision = { name: " Supervisión Educativa 16-01-03 ", phone: "7952 1234", address: "3a. calle 4-12 zona 1, Cobán" };
    c = await step(c, "reject_with_guidance", w.reviewerA, "DIDEDUC_REVIEWER", { reason: "No encontramos el registro del establecimiento.", supervision });
    const contact = { ...supervision, name: "Supervisión Educativa 16-01-03" };
    expect(c).toMatchObject({ state: "REJECTED", guidance: { kind: "SUPERVISION", contact } });
    expect(c.closedAt).not.toBeNull();
    expect(c.issuedAt).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "reject_with_guidance" } });
    expect(audit.data).toMatchObject({ guidance: { kind: "SUPERVISION", contact }, input: { supervision: contact } });

    // "Start a new request from this one".
    const again = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id, parentCaseId: c.id }, { db });
    expect(again).toMatchObject({ parentCaseId: c.id, state: "DRAFT" });
    expect(again.number).not.toBe(c.number);
  });

  it("rejects definitively at the signer's desk", async () => {
    const db = tdb.prisma;
    let c = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db, now: tick() });
    c = await step(c, "submit", w.citizen, "CITIZEN");
    c = await step(c, "generate_certification", w.reviewerA, "DIDEDUC_REVIEWER");
    c = await step(c, "reject_definitively", w.signerA, "DIDEDUC_SIGNER", { reason: "Los documentos no corresponden al estudiante." });
    expect(c.state).toBe("REJECTED");
    expect(c.closedAt).not.toBeNull();
    expect(c.guidance).toBeNull();
  });

  it("after issuance: the Encargado revokes one certification, a corrected re-issue replaces another", async () => {
    const db = tdb.prisma;
    async function issue(): Promise<Case> {
      let c = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db, now: tick() });
      c = await step(c, "submit", w.citizen, "CITIZEN");
      c = await step(c, "generate_certification", w.reviewerA, "DIDEDUC_REVIEWER");
      c = await step(c, "sign", w.signerA, "DIDEDUC_SIGNER");
      return step(c, "sign_and_issue", w.assistant, "CENTRAL_ASSISTANT");
    }

    const revoked = await issue();
    const note = "Emitida sobre un expediente de otra persona con el mismo nombre.";
    const r = await step(revoked, "revoke", w.manager, "CENTRAL_MANAGER", { category: "ISSUED_IN_ERROR", note, confirmNumber: revoked.number });
    // Closed at issuance, and still: the revocation has its own date. The note is internal, not lastNote.
    expect(r).toMatchObject({ state: "REVOKED", revocationCategory: "ISSUED_IN_ERROR", revokedReason: note, issuedAt: revoked.issuedAt, closedAt: revoked.closedAt, lastNote: null });
    expect(r.revokedAt!.getTime()).toBeGreaterThan(revoked.issuedAt!.getTime());
    const revokeEvent = await db.auditEvent.findFirstOrThrow({ where: { caseId: r.id, action: "revoke" } });
    expect(revokeEvent.data).toMatchObject({ input: { category: "ISSUED_IN_ERROR", note } });

    const replaced = await issue();
    const p = await step(replaced, "replace", w.assistant, "CENTRAL_ASSISTANT", { replacementCaseId: revoked.id });
    expect(p).toMatchObject({ state: "REVOKED", revocationCategory: "REPLACED", revokedReason: null, lastNote: null });
    const replaceEvent = await db.auditEvent.findFirstOrThrow({ where: { caseId: p.id, action: "replace" } });
    expect(replaceEvent.data).toMatchObject({ input: { replacementCaseId: revoked.id } });
  });

  it('the applicant\'s ways out (issue #14): a draft deleted, and a request withdrawn "while no one has acted on it"', async () => {
    const db = tdb.prisma;
    let draft = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db, now: tick() });
    draft = await step(draft, "discard_draft", w.citizen, "CITIZEN");
    expect(draft.state).toBe("DISCARDED");
    expect(draft.closedAt).not.toBeNull();

    let c = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db, now: tick() });
    c = await step(c, "submit", w.citizen, "CITIZEN");
    c = await step(c, "withdraw", w.citizen, "CITIZEN");
    expect(c.state).toBe("WITHDRAWN");
    expect(c.closedAt).not.toBeNull();
  });

  it("took every transition of the definition", () => {
    const all = getDefinition("EDUCATIONAL_RECORD").transitions.flatMap((t) => t.from.map((f) => `${t.action}@${f}`));
    expect([...walked].sort()).toEqual([...new Set(all)].sort());
    expect(expectedStates.issued).toBe("ISSUED");
  });
});
