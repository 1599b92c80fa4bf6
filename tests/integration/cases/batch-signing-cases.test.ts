import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBatchSigningCases, findSignableQueueRows } from "@/lib/cases/find-batch-signing-cases";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { generateCertification } from "@/lib/cases/generate-certification";
import { CHECKLIST, createCertifyWorld, type TCertifyWorld } from "../certify/certify-world";

// Batch signing (issue #13): which of the chosen cases this person may sign now, read from the
// workflow definition (role, scope, state) as the case page's buttons are, with the version read now.
let w: TCertifyWorld;
beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

const viewer = (a: TCertifyWorld["actors"]["signer"]) => ({ ...a, roles: [...a.roles], delegatedRoles: [] });

async function awaitingSignature(dideducId?: string) {
  const submitted = await w.caseInReview(undefined, dideducId);
  const generated = await generateCertification({ actor: w.actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, w.options);
  return { id: submitted.id, version: generated.version };
}

describe("findBatchSigningCases", { timeout: 120_000 }, () => {
  it('"se traslada a firma electrónica avanzada del Director": the DIDEDUC\'s signer may sign its cases awaiting signature, in the order chosen, at the version read now', async () => {
    const a = await awaitingSignature();
    const b = await awaitingSignature();
    const inReview = await w.caseInReview();
    const found = await findBatchSigningCases({ actor: viewer(w.actors.signer), caseIds: [b.id, inReview.id, a.id, b.id], action: "sign" }, { db: w.db });
    expect(found.map((c) => [c.row.id, c.signable, c.row.version])).toEqual([
      [b.id, true, b.version],
      // Listed (he may see it) but not signable: it is still in technical review.
      [inReview.id, false, inReview.version],
      [a.id, true, a.version],
    ]);
  });

  it('"Tomar" (decision 0023): a case someone else holds, not idle, gets no checkbox and says who holds it; once idle it is signable again', async () => {
    const held = await awaitingSignature();
    const free = await awaitingSignature();
    const now = new Date();
    // Held by another person of the office (whoever holds it, transition() refuses the signer: HELD).
    await w.db.caseAssignment.create({ data: { caseId: held.id, userId: w.actors.reviewer.id, takenAt: now, lastActivityAt: now } });
    const found = await findBatchSigningCases({ actor: viewer(w.actors.signer), caseIds: [held.id, free.id], action: "sign", now }, { db: w.db });
    expect(found.map((c) => [c.row.id, c.signable, c.heldBy])).toEqual([
      [held.id, false, expect.stringMatching(new RegExp(`^En revisión por ${w.actors.reviewer.name.trim().replace(/\.$/, "")} desde las \\d{2}:\\d{2}\\.$`))],
      [free.id, true, null],
    ]);
    // The holder's own batch is not blocked by the holder's own assignment.
    await w.db.caseAssignment.update({ where: { caseId: held.id }, data: { userId: w.actors.signer.id } });
    const own = await findBatchSigningCases({ actor: viewer(w.actors.signer), caseIds: [held.id], action: "sign", now }, { db: w.db });
    expect(own.map((c) => [c.signable, c.heldBy])).toEqual([[true, null]]);
    // Someone else's, idle past the default 30 minutes: it no longer blocks.
    await w.db.caseAssignment.update({ where: { caseId: held.id }, data: { userId: w.actors.reviewer.id } });
    const later = new Date(now.getTime() + 31 * 60_000);
    const idle = await findBatchSigningCases({ actor: viewer(w.actors.signer), caseIds: [held.id], action: "sign", now: later }, { db: w.db });
    expect(idle.map((c) => [c.signable, c.heldBy])).toEqual([[true, null]]);
  });

  it("the queue's checkboxes (findSignableQueueRows, on the rows the queue read) are exactly the cases findBatchSigningCases finds signable", async () => {
    const held = await awaitingSignature();
    const free = await awaitingSignature();
    await w.caseInReview();
    const now = new Date();
    await w.db.caseAssignment.create({ data: { caseId: held.id, userId: w.actors.reviewer.id, takenAt: now, lastActivityAt: now } });
    for (const actor of [w.actors.signer, w.actors.reviewer, w.actors.signerXela]) {
      const queue = await listCaseQueue({ actor, segment: "direccion", pageSize: 50, now, db: w.db });
      const ids = queue.rows.map((r) => r.id);
      const fromQueue = await findSignableQueueRows({ actor: viewer(actor), rows: queue.rows, action: "sign", now }, { db: w.db });
      const fromCases = (await findBatchSigningCases({ actor: viewer(actor), caseIds: ids, action: "sign", now }, { db: w.db })).filter((c) => c.signable).map((c) => c.row.id);
      expect(fromQueue).toEqual(fromCases);
      if (actor === w.actors.signer) {
        expect(fromQueue).toContain(free.id);
        expect(fromQueue).not.toContain(held.id);
      } else if (actor === w.actors.reviewer) {
        expect(fromQueue).toEqual([]);
      } else {
        expect(fromQueue).not.toContain(free.id);
      }
    }
  });

  it("refused: another DIDEDUC's signer does not even see the case; the reviewer and the central office may not take the DIDEDUC's signature; unknown ids are left out", async () => {
    const a = await awaitingSignature();
    expect(await findBatchSigningCases({ actor: viewer(w.actors.signerXela), caseIds: [a.id], action: "sign" }, { db: w.db })).toEqual([]);
    const byReviewer = await findBatchSigningCases({ actor: viewer(w.actors.reviewer), caseIds: [a.id, "no-existe"], action: "sign" }, { db: w.db });
    expect(byReviewer.map((c) => [c.row.id, c.signable])).toEqual([[a.id, false]]);
    const byAssistant = await findBatchSigningCases({ actor: viewer(w.actors.assistant), caseIds: [a.id], action: "sign_and_issue" }, { db: w.db });
    expect(byAssistant.map((c) => [c.row.id, c.signable])).toEqual([[a.id, false]]);
    expect(await findBatchSigningCases({ actor: viewer(w.actors.signer), caseIds: [], action: "sign" }, { db: w.db })).toEqual([]);
  });
});
