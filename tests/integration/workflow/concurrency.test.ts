import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { nextCaseNumber } from "@/lib/cases/next-case-number";
import { TransitionError } from "@/lib/workflow/transition-error";
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

describe("concurrent attempts on one case", () => {
  it("20 parallel identical transitions with the same expected version: one wins, 19 are told the case changed", async () => {
    const db = tdb.prisma;
    const draft = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db });
    const c = await transition(draft.id, "submit", w.citizen, {}, draft.version, { db });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => transition(c.id, "generate_certification", w.reviewerA, {}, c.version, { db })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(TransitionError);
      expect((r.reason as TransitionError).code).toBe("STALE_VERSION");
    }

    const row = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ state: "DIDEDUC_SIGNATURE", version: c.version + 1 });
    expect(await db.auditEvent.count({ where: { caseId: c.id, action: "generate_certification" } })).toBe(1);
  });

  it("20 parallel competing transitions (approve vs reject) from one version: exactly one takes effect", async () => {
    const db = tdb.prisma;
    const draft = await createDraftCase(w.citizen, { procedure: "GRADUATION_RECORD" }, { db });
    const c = await transition(draft.id, "submit", w.citizen, {}, draft.version, { db });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? transition(c.id, "sign_and_issue", w.assistant, {}, c.version, { db })
          : transition(c.id, "reject_for_correction", w.coordinator, { reason: `Intento ${i}` }, c.version, { db }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as TransitionError).code).toBe("STALE_VERSION");
    }
    const audits = await db.auditEvent.findMany({ where: { caseId: c.id, action: { in: ["sign_and_issue", "reject_for_correction"] } } });
    expect(audits).toHaveLength(1);
    const row = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.version).toBe(c.version + 1);
    expect(row.state).toBe(audits[0].toState);
  });
  it("the guarded update refuses a transaction that read the case before the winner committed", async () => {
    const db = tdb.prisma;
    const draft = await createDraftCase(w.citizen, { procedure: "DIPLOMA_FROM_2005" }, { db });
    const c = await transition(draft.id, "submit", w.citizen, {}, draft.version, { db });

    let releaseFirst!: () => void;
    const firstHolding = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstUpdated!: () => void;
    const firstHasUpdated = new Promise<void>((resolve) => (firstUpdated = resolve));

    // The first transaction updates the row, then waits inside `apply` while holding its lock.
    const first = transition(c.id, "sign_and_issue", w.assistant, {}, c.version, {
      db,
      apply: async () => {
        firstUpdated();
        await firstHolding;
      },
    });
    await firstHasUpdated;
    // The second reads the old row (the first has not committed), passes every check, and blocks
    // on the row lock in its guarded update.
    const second = transition(c.id, "reject_for_correction", w.assistant, { reason: "Dato incorrecto." }, c.version, { db });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%UPDATE%Case%'`;
      if (waiting > 0) break;
      if (Date.now() > deadline) throw new Error("la segunda transacción nunca esperó el bloqueo de la fila");
      await new Promise((r) => setTimeout(r, 20));
    }
    releaseFirst();

    await expect(first).resolves.toMatchObject({ state: "ISSUED", version: c.version + 1 });
    const error = await second.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TransitionError);
    expect((error as TransitionError).code).toBe("STALE_VERSION");
    expect(await db.auditEvent.count({ where: { caseId: c.id, action: { in: ["sign_and_issue", "reject_for_correction"] } } })).toBe(1);
  });
});

describe("case numbers under concurrency", () => {
  it("20 parallel allocations give 20 distinct consecutive numbers", async () => {
    const db = tdb.prisma;
    const now = new Date("2026-06-01T12:00:00Z");
    const numbers = await Promise.all(Array.from({ length: 20 }, () => nextCaseNumber(db, "SWORN_TRANSLATION", now)));
    expect(new Set(numbers).size).toBe(20);
    expect([...numbers].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `CT-2026-${String(i + 1).padStart(6, "0")}`));
    expect(await db.caseSequence.findUniqueOrThrow({ where: { prefix_year: { prefix: "CT", year: 2026 } } })).toMatchObject({ last: 20 });
  });

  it("each procedure and year counts on its own", async () => {
    const db = tdb.prisma;
    expect(await nextCaseNumber(db, "TRANSLATOR_REGISTRATION", new Date("2026-06-01T12:00:00Z"))).toBe("RT-2026-000001");
    expect(await nextCaseNumber(db, "TRANSLATOR_REGISTRATION", new Date("2027-06-01T12:00:00Z"))).toBe("RT-2027-000001");
    expect(await nextCaseNumber(db, "TRANSLATOR_REGISTRATION", new Date("2026-06-02T12:00:00Z"))).toBe("RT-2026-000002");
  });

  it("20 parallel draft cases get 20 distinct numbers and 20 'create' audit events", async () => {
    const db = tdb.prisma;
    const now = new Date("2026-07-01T12:00:00Z");
    const cases = await Promise.all(
      Array.from({ length: 20 }, () => createDraftCase(w.citizen, { procedure: "DIPLOMA_FROM_2005" }, { db, now })),
    );
    const numbers = cases.map((c) => c.number);
    expect(new Set(numbers).size).toBe(20);
    for (const n of numbers) expect(n).toMatch(/^TB-2026-\d{6}$/);
    expect(await db.auditEvent.count({ where: { caseId: { in: cases.map((c) => c.id) }, action: "create" } })).toBe(20);
  });
});
