import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { releaseCase, NOT_YOURS_MESSAGE } from "@/lib/cases/assignment/release-case";
import { takeCase, NOT_ACTIONABLE_MESSAGE } from "@/lib/cases/assignment/take-case";
import { touchCaseAssignment } from "@/lib/cases/assignment/check-case-assignment";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { toQueueRows } from "@/components/staff/to-queue-rows";
import { updateAssignmentPolicy } from "@/lib/admin/update-assignment-policy";
import { generateCertification } from "@/lib/cases/generate-certification";
import { prepareCaseSigning } from "@/lib/cases/signing/prepare-case-signing";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import os from "node:os";
import path from "node:path";
import { findIdleMinutes } from "@/lib/cases/assignment/find-idle-minutes";
import { transition } from "@/lib/workflow/transition";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import type { TTestDatabase } from "../../helpers/test-database";
import { createTestDatabase } from "../../helpers/test-database";
import { seedWorld, type TWorld } from "../workflow/seed-world";

let tdb: TTestDatabase;
let w: TWorld;
// A second reviewer of the same DIDEDUC: the "second reviewer acting meanwhile".
let lucia: TWorkflowActor;
let pedro: TWorkflowActor;

const MIN = 60_000;
const T0 = new Date("2026-12-07T15:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

beforeAll(async () => {
  tdb = await createTestDatabase();
  w = await seedWorld(tdb.prisma);
  lucia = w.reviewerA;
  await tdb.prisma.user.update({ where: { id: lucia.id }, data: { name: "Lucía Xol" } });
  const p = await tdb.prisma.user.create({
    data: { email: "pedro@example.test", name: "Pedro Ajú", passwordHash: "x", roles: ["DIDEDUC_REVIEWER"], dideducId: w.dideducA.id },
  });
  pedro = { id: p.id, roles: p.roles, dideducId: p.dideducId };
});
afterAll(async () => {
  await tdb?.drop();
});

async function submittedCase() {
  const db = tdb.prisma;
  const draft = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db });
  return transition(draft.id, "submit", w.citizen, {}, draft.version, { db, now: at(-60) });
}

async function refusal(p: Promise<unknown>): Promise<Error & { code?: string }> {
  const r = await p.then(
    () => null,
    (e: unknown) => e as Error & { code?: string },
  );
  if (!r) throw new Error("expected a refusal");
  return r;
}

describe('"Tomar": one reviewer at a time (issue #14)', () => {
  it("a reviewer who can act takes a free case; the take is audited; taking it again only refreshes activity", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    expect(await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db })).toEqual({ outcome: "taken", previousUserId: null });
    expect(await db.caseAssignment.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ userId: lucia.id, takenAt: at(0), lastActivityAt: at(0) });
    expect(await takeCase({ actor: lucia, caseId: c.id, now: at(5) }, { db })).toMatchObject({ outcome: "already_yours" });
    expect(await db.caseAssignment.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ takenAt: at(0), lastActivityAt: at(5) });
    const events = await db.auditEvent.findMany({ where: { caseId: c.id, action: { startsWith: "case." } } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["case.take", lucia.id]]);
  });

  it('"En revisión por Lucía X.": a second reviewer taking an active case is refused with the holder\'s name and time', async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db });
    const e = await refusal(takeCase({ actor: pedro, caseId: c.id, now: at(29) }, { db }));
    expect(e.code).toBe("HELD");
    // 15:00 UTC is 09:00 in Guatemala.
    expect(e.message).toContain("En revisión por Lucía Xol desde las 09:00.");
    expect(await db.caseAssignment.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ userId: lucia.id });
  });

  it("someone who cannot act on the case now cannot take it (another DIDEDUC's reviewer, the signer before the signature stage)", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    const other = await refusal(takeCase({ actor: w.reviewerB, caseId: c.id, now: at(0) }, { db }));
    expect(other.message).toBe(NOT_ACTIONABLE_MESSAGE);
    const signer = await refusal(takeCase({ actor: w.signerA, caseId: c.id, now: at(0) }, { db }));
    expect(signer.message).toBe(NOT_ACTIONABLE_MESSAGE);
    expect(await db.caseAssignment.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("taken over after the idle time (default 30 minutes); the previous holder is recorded and the takeover audited", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db });
    // Activity (opening the case page) moves the idle time on.
    await touchCaseAssignment(db, c.id, lucia.id, at(20));
    // Someone else's visit does not.
    await touchCaseAssignment(db, c.id, pedro.id, at(45));
    expect((await refusal(takeCase({ actor: pedro, caseId: c.id, now: at(49) }, { db }))).code).toBe("HELD");
    expect(await takeCase({ actor: pedro, caseId: c.id, now: at(50) }, { db })).toEqual({ outcome: "taken_over", previousUserId: lucia.id });
    expect(await db.caseAssignment.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ userId: pedro.id, previousUserId: lucia.id, takenAt: at(50) });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.takeover" } });
    expect(ev.actorId).toBe(pedro.id);
    expect(ev.data).toMatchObject({ previousUserId: lucia.id, idleMinutes: 30 });
    // Now Lucía is the one refused.
    expect((await refusal(takeCase({ actor: lucia, caseId: c.id, now: at(51) }, { db }))).message).toContain("En revisión por Pedro Ajú");
  });

  it("the idle time is the administration's, read from the database", async () => {
    const db = tdb.prisma;
    await db.assignmentPolicy.create({ data: { id: "default", idleMinutes: 10 } });
    try {
      const c = await submittedCase();
      await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db });
      expect((await refusal(takeCase({ actor: pedro, caseId: c.id, now: at(9) }, { db }))).code).toBe("HELD");
      expect(await takeCase({ actor: pedro, caseId: c.id, now: at(10) }, { db })).toMatchObject({ outcome: "taken_over" });
    } finally {
      await db.assignmentPolicy.delete({ where: { id: "default" } });
    }
  });

  it("released by its holder (audited); then anyone who can act takes it", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db });
    expect((await refusal(releaseCase({ actor: pedro, caseId: c.id, now: at(1) }, { db }))).message).toBe(NOT_YOURS_MESSAGE);
    await releaseCase({ actor: lucia, caseId: c.id, now: at(2) }, { db });
    expect(await db.caseAssignment.count({ where: { caseId: c.id } })).toBe(0);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.release" } });
    expect(ev.data).toMatchObject({ holderId: lucia.id, byHolder: true });
    expect(await takeCase({ actor: pedro, caseId: c.id, now: at(3) }, { db })).toMatchObject({ outcome: "taken" });
  });

  it("the DIDEDUC's Director releases a reviewer's case; another DIDEDUC's signer or the central office cannot", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db });
    const otherSigner = await db.user.create({ data: { email: "signer-b@example.test", name: "signer-b", passwordHash: "x", roles: ["DIDEDUC_SIGNER"], dideducId: w.dideducB.id } });
    expect((await refusal(releaseCase({ actor: { id: otherSigner.id, roles: otherSigner.roles, dideducId: otherSigner.dideducId }, caseId: c.id }, { db }))).code).toBe("FORBIDDEN");
    expect((await refusal(releaseCase({ actor: w.manager, caseId: c.id }, { db }))).code).toBe("FORBIDDEN");
    await releaseCase({ actor: w.signerA, caseId: c.id, now: at(1) }, { db });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.release" } });
    expect(ev).toMatchObject({ actorId: w.signerA.id });
    expect(ev.data).toMatchObject({ holderId: lucia.id, byHolder: false });
  });
});

describe('"a second reviewer acting meanwhile gets a clear message" (issue #14)', () => {
  it("B acting while A holds the case: refused with A's name, nothing changed", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db });
    const before = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    const events = await db.auditEvent.count({ where: { caseId: c.id } });
    const e = await refusal(transition(c.id, "reject_for_correction", pedro, { reason: "Falta la firma del director del centro." }, c.version, { db, now: at(1) }));
    expect(e.code).toBe("HELD");
    expect(e.message).toContain("En revisión por Lucía Xol");
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { caseId: c.id } })).toBe(events);
    expect(await db.caseAssignment.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ userId: lucia.id });
  });

  it("the holder acting moves the case to another stage and releases the assignment (recorded in the transition's event)", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db });
    const moved = await transition(c.id, "reject_for_correction", lucia, { reason: "Falta la firma del director del centro." }, c.version, { db, now: at(3) });
    expect(moved.state).toBe("NEEDS_CORRECTION");
    expect(await db.caseAssignment.count({ where: { caseId: c.id } })).toBe(0);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "reject_for_correction" } });
    expect(ev.data).toMatchObject({ releasedAssignment: { userId: lucia.id } });
  });

  it("a case nobody took, or one whose holder is idle, is acted on as before", async () => {
    const db = tdb.prisma;
    const free = await submittedCase();
    expect((await transition(free.id, "reject_for_correction", pedro, { reason: "Escaneo ilegible." }, free.version, { db, now: at(0) })).state).toBe("NEEDS_CORRECTION");
    const idle = await submittedCase();
    await takeCase({ actor: lucia, caseId: idle.id, now: at(0) }, { db });
    expect((await transition(idle.id, "reject_for_correction", pedro, { reason: "Escaneo ilegible." }, idle.version, { db, now: at(31) })).state).toBe("NEEDS_CORRECTION");
    expect(await db.caseAssignment.count({ where: { caseId: idle.id } })).toBe(0);
  });

  it("the applicant's own steps are not held: a request a reviewer took can still be withdrawn (taking is not acting, decision 0020)", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    await takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db });
    const view = await getCaseForActor({ actor: { ...w.citizen, roles: [...w.citizen.roles] }, caseId: c.id, db, now: at(1) });
    expect(view?.actions.map((a) => a.action)).toContain("withdraw");
    expect(view?.events.some((e) => e.action.startsWith("case."))).toBe(false);
    expect((await transition(c.id, "withdraw", w.citizen, {}, c.version, { db, now: at(1) })).state).toBe("WITHDRAWN");
    expect(await db.caseAssignment.count({ where: { caseId: c.id } })).toBe(0);
  });
});

describe("assignment races on real PostgreSQL", () => {
  it("10 reviewers taking one free case at once: exactly one wins, the others are told who has it", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    const reviewers: TWorkflowActor[] = [lucia, pedro];
    for (let i = 0; i < 8; i++) {
      const u = await db.user.create({ data: { email: `r${i}@example.test`, name: `Revisor ${i}`, passwordHash: "x", roles: ["DIDEDUC_REVIEWER"], dideducId: w.dideducA.id } });
      reviewers.push({ id: u.id, roles: u.roles, dideducId: u.dideducId });
    }
    const results = await Promise.allSettled(reviewers.map((r) => takeCase({ actor: r, caseId: c.id, now: at(0) }, { db })));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [reviewers[i]] : []));
    expect(won).toHaveLength(1);
    const holder = await db.caseAssignment.findUniqueOrThrow({ where: { caseId: c.id }, include: { user: true } });
    expect(holder.userId).toBe(won[0].id);
    for (const r of results) {
      if (r.status === "rejected") {
        expect((r.reason as { code: string }).code).toBe("HELD");
        expect((r.reason as Error).message).toContain(`En revisión por ${holder.user.name}`);
      }
    }
    expect(await db.auditEvent.count({ where: { caseId: c.id, action: "case.take" } })).toBe(1);
  });

  it("a take racing a transition by someone else: never both a held assignment and a moved case", async () => {
    const db = tdb.prisma;
    for (let round = 0; round < 5; round++) {
      const c = await submittedCase();
      const [took, acted] = await Promise.allSettled([
        takeCase({ actor: lucia, caseId: c.id, now: at(0) }, { db }),
        transition(c.id, "reject_for_correction", pedro, { reason: "Escaneo ilegible." }, c.version, { db, now: at(0) }),
      ]);
      const row = await db.case.findUniqueOrThrow({ where: { id: c.id } });
      const held = await db.caseAssignment.findUnique({ where: { caseId: c.id } });
      if (acted.status === "fulfilled") {
        // Pedro's step won the row lock: Lucía's take then finds a stage she cannot act on (had her
        // take committed first, his step would have been refused).
        expect(row.state).toBe("NEEDS_CORRECTION");
        expect(took.status).toBe("rejected");
        expect(held).toBeNull();
      } else {
        expect((acted.reason as { code: string }).code).toBe("HELD");
        expect(took.status).toBe("fulfilled");
        expect(row).toMatchObject({ state: "DIDEDUC_REVIEW", version: c.version });
        expect(held?.userId).toBe(lucia.id);
      }
    }
  });
});

describe('the queues: "visible to the others (\"En revisión por Lucía X.\")" (issue #14)', () => {
  it("each row names its holder, read for the whole page in one batched query; \"Tomadas por mí\" lists only one's own", async () => {
    const db = tdb.prisma;
    const mineCase = await submittedCase();
    const idleCase = await submittedCase();
    const freeCase = await submittedCase();
    // Takes at "now" (the queue judges idleness against the real clock).
    const now = new Date();
    await takeCase({ actor: lucia, caseId: mineCase.id, now }, { db });
    await takeCase({ actor: lucia, caseId: idleCase.id, now: new Date(now.getTime() - 31 * MIN) }, { db });
    const actor = { id: pedro.id, dideducId: pedro.dideducId, roles: [...pedro.roles] };
    const queue = await listCaseQueue({ actor, segment: "dideduc", pageSize: 100 }, { db });
    const rows = toQueueRows(queue.rows);
    const heldBy = (id: string) => rows.find((r) => r.id === id)?.heldBy;
    expect(heldBy(mineCase.id)).toMatch(/^En revisión por Lucía Xol desde las \d\d:\d\d\.$/);
    expect(heldBy(idleCase.id)).toContain("Sin actividad reciente: puede tomarla.");
    expect(heldBy(freeCase.id)).toBeNull();

    const luciaActor = { id: lucia.id, dideducId: lucia.dideducId, roles: [...lucia.roles] };
    const own = await listCaseQueue({ actor: luciaActor, segment: "dideduc", takenByMe: true }, { db });
    // Earlier tests left Lucía holding other cases of this DIDEDUC: all of them, and nothing else.
    const held = await db.caseAssignment.findMany({ where: { userId: lucia.id, case: { state: { in: ["DIDEDUC_REVIEW", "DIDEDUC_SIGNATURE"] } } }, select: { caseId: true } });
    expect(own.rows.map((r) => r.id).sort()).toEqual(held.map((h) => h.caseId).sort());
    expect(own.rows.map((r) => r.id)).toEqual(expect.arrayContaining([mineCase.id, idleCase.id]));
    expect(toQueueRows(own.rows).find((r) => r.id === mineCase.id)?.heldBy).toBe("Usted la está revisando.");
    // Pedro's own list (he holds cases from earlier tests): his only, none of Lucía's.
    const pedros = await listCaseQueue({ actor, segment: "dideduc", takenByMe: true }, { db });
    expect(pedros.rows.every((r) => r.holder?.mine)).toBe(true);
    expect(pedros.rows.map((r) => r.id)).not.toContain(mineCase.id);
  });
});

describe("the idle time is set by the administration (decision 0023)", () => {
  it("only an administrator sets it, within 5–480 minutes, audited with the value it replaced", async () => {
    const db = tdb.prisma;
    const admin = await db.user.create({ data: { email: "admin@example.test", name: "Admin", passwordHash: "x", roles: ["ADMIN"] } });
    expect(await findIdleMinutes(db)).toBe(30);
    expect((await refusal(updateAssignmentPolicy({ ...w.manager, roles: [...w.manager.roles] }, { idleMinutes: 45 }, { db }))).code).toBe("FORBIDDEN");
    const bad = (await refusal(updateAssignmentPolicy(admin, { idleMinutes: 2 }, { db }))) as Error & { fieldErrors?: Record<string, string[]> };
    expect(bad.fieldErrors?.idleMinutes?.[0]).toBe("Escriba un número entero de minutos entre 5 y 480.");
    expect(await findIdleMinutes(db)).toBe(30);
    await updateAssignmentPolicy(admin, { idleMinutes: "45" }, { db });
    expect(await findIdleMinutes(db)).toBe(45);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "admin.update_assignment_policy" } });
    expect(ev).toMatchObject({ actorId: admin.id, role: "ADMIN" });
    expect(ev.data).toEqual({ idleMinutes: { from: 30, to: 45 } });
    await db.assignmentPolicy.delete({ where: { id: "default" } });
  });
});

describe("acting covers generating the certification and signing (decision 0023)", () => {
  // Never written to: both are refused before anything is rendered.
  const storage = new LocalDiskStorage(path.join(os.tmpdir(), "certifica-assignment-unused"));
  it("while Lucía holds the case, another reviewer's generation is refused before anything is rendered or stored", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    await takeCase({ actor: lucia, caseId: c.id, now: new Date() }, { db });
    const e = await refusal(generateCertification({ actor: pedro, caseId: c.id, expectedVersion: c.version, checklist: {} }, { db, storage }));
    expect(e.code).toBe("HELD");
    expect(e.message).toContain("En revisión por Lucía Xol");
    expect(await db.certificationSheet.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ state: "DIDEDUC_REVIEW", version: c.version });
  });

  it("a second signer's browser signing (prepare) is refused while the Director holds the case, nothing prepared", async () => {
    const db = tdb.prisma;
    const c = await submittedCase();
    // Placed in the signature stage directly: the signing's own tests cover how it gets there.
    const atSignature = await db.case.update({ where: { id: c.id }, data: { state: "DIDEDUC_SIGNATURE", version: { increment: 1 } } });
    const sub = await db.user.create({ data: { email: "subdirectora@example.test", name: "Subdirectora", passwordHash: "x", roles: ["DIDEDUC_SIGNER"], dideducId: w.dideducA.id } });
    await db.user.update({ where: { id: w.signerA.id }, data: { name: "José Pérez" } });
    await takeCase({ actor: w.signerA, caseId: c.id, now: new Date() }, { db });
    const e = await refusal(
      prepareCaseSigning(
        { actor: { id: sub.id, roles: sub.roles, dideducId: sub.dideducId }, caseId: c.id, expectedVersion: atSignature.version, action: "sign", certificates: [] },
        { db, storage, tsa: { url: "http://127.0.0.1:9/tsa" } as never, trustedRoots: [] },
      ),
    );
    expect(e.code).toBe("HELD");
    expect(e.message).toContain("En revisión por José Pérez");
    expect(await db.preparedSigning.count({ where: { caseId: c.id } })).toBe(0);
  });
});
