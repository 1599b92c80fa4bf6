import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBatchSigningCases } from "@/lib/cases/find-batch-signing-cases";
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
