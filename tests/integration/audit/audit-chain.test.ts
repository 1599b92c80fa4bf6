import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { computeAuditHash, GENESIS_HASH } from "@/lib/audit/audit-hash";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { createPrisma } from "@/lib/db/create-prisma";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { transition } from "@/lib/workflow/transition";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { seedWorld, type TWorld } from "../workflow/seed-world";

// Issue #14 §3: "Every audit event … carries the hash of the previous event and its own hash over
// a canonical form, in one chain per installation. `npm run audit:verify` re-computes the chain and
// names the first broken link; a test edits an event in the database and sees it caught."
let tdb: TTestDatabase;
let db: PrismaClient;
let w: TWorld;
let ids: bigint[];

async function submittedCase() {
  const c = await createDraftCase(w.citizen, { procedure: "GRADUATION_RECORD" }, { db });
  return transition(c.id, "submit", w.citizen, {}, c.version, { db, ip: "10.0.0.9" });
}

// Tampering runs on the real rows; each test puts them back from this copy afterwards.
async function backup() {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS audit_backup`);
  await db.$executeRawUnsafe(`CREATE TABLE audit_backup AS SELECT * FROM "AuditEvent"`);
}
async function restore() {
  await db.$transaction([db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`), db.$executeRawUnsafe(`INSERT INTO "AuditEvent" SELECT * FROM audit_backup`)]);
  expect((await verifyAuditChain(db)).firstBreak).toBeNull();
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  w = await seedWorld(db);
  for (let i = 0; i < 3; i++) await submittedCase();
  // A transaction that appended and then failed leaves no link (only a gap in the ids).
  await expect(
    db.$transaction(async (tx) => {
      await appendAuditEvent(tx, { data: { actorId: w.assistant.id, role: "CENTRAL_ASSISTANT", action: "sign", caseId: null } });
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
  for (let i = 0; i < 2; i++) await submittedCase();
  ids = (await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
  await backup();
});
afterAll(async () => {
  await tdb?.drop();
});

describe("the chain as appended", () => {
  it("links each event to the one before it, from the genesis value, and verifies whole", async () => {
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(10);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    for (const r of rows) expect(r.hash).toBe(computeAuditHash({ ...r, prevHash: r.prevHash! }));
    // The rolled-back append left a gap in the ids, not a link.
    expect(Number(rows[6].id - rows[5].id)).toBe(2);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ checked: 10, firstBreak: null, head: { id: rows[9].id.toString(), hash: rows[9].hash } });
  });

  it("the database refuses a row without its hashes, and a second successor of one event", async () => {
    await expect(db.$executeRawUnsafe(`INSERT INTO "AuditEvent" ("action") VALUES ('forged')`)).rejects.toThrow(/AuditEvent_chained/);
    const third = await db.auditEvent.findUniqueOrThrow({ where: { id: ids[2] } });
    await expect(
      db.$executeRaw`INSERT INTO "AuditEvent" ("action", "prevHash", "hash") VALUES ('forged', ${third.hash}, ${"f".repeat(64)})`,
    ).rejects.toThrow(/prevHash/);
  });
});

describe("audit:verify names the first broken link", () => {
  it("an event whose data was edited is caught at that event", async () => {
    const target = ids[3];
    await db.$executeRaw`UPDATE "AuditEvent" SET "data" = jsonb_set("data", '{version}', '99') WHERE "id" = ${target}`;
    const r = await verifyAuditChain(db);
    expect(r.firstBreak).toMatchObject({ id: target.toString(), kind: "content" });
    expect(r.checked).toBe(3);
    await restore();
  });

  it("an event whose actor was changed is caught at that event", async () => {
    const target = ids[6];
    await db.$executeRaw`UPDATE "AuditEvent" SET "actorId" = ${w.manager.id} WHERE "id" = ${target}`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: target.toString(), kind: "content" });
    await restore();
  });

  it("an event whose time was moved is caught at that event, with its (altered) time named", async () => {
    const target = ids[1];
    await db.$executeRaw`UPDATE "AuditEvent" SET "createdAt" = "createdAt" - interval '1 day' WHERE "id" = ${target}`;
    const moved = await db.auditEvent.findUniqueOrThrow({ where: { id: target } });
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: target.toString(), kind: "content", createdAt: moved.createdAt });
    await restore();
  });

  it("an edit that also rewrites the event's hash is caught at the next event", async () => {
    const target = ids[4];
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id: target } });
    const forged = { ...row, note: "nota cambiada", prevHash: row.prevHash! };
    await db.$executeRaw`UPDATE "AuditEvent" SET "note" = ${forged.note}, "hash" = ${computeAuditHash(forged)} WHERE "id" = ${target}`;
    const r = await verifyAuditChain(db);
    expect(r.firstBreak).toMatchObject({ id: ids[5].toString(), kind: "link", expected: computeAuditHash(forged), found: row.hash });
    await restore();
  });

  it("a deleted event is caught at the event after it", async () => {
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${ids[2]}`;
    const r = await verifyAuditChain(db);
    expect(r.firstBreak).toMatchObject({ id: ids[3].toString(), kind: "link" });
    expect(r.firstBreak!.message).toContain(`#${ids[1]}`);
    await restore();
  });

  it("the deletion of the first event is caught at the new first one", async () => {
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${ids[0]}`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: ids[1].toString(), kind: "link", expected: GENESIS_HASH });
    await restore();
  });

  it("an inserted event with a forged link is caught at the inserted event", async () => {
    const gap = ids[5] + 1n; // the id the rolled-back append took
    await db.$executeRaw`INSERT INTO "AuditEvent" ("id", "action", "createdAt", "prevHash", "hash") VALUES (${gap}, 'submit', now(), ${"a".repeat(64)}, ${"b".repeat(64)})`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: gap.toString(), kind: "link" });
    await restore();
  });

  it("an inserted event correctly hashed onto its predecessor (the unique index dropped) is caught at the event after it", async () => {
    const gap = ids[5] + 1n;
    const before = await db.auditEvent.findUniqueOrThrow({ where: { id: ids[5] } });
    const forged = {
      id: gap,
      prevHash: before.hash!,
      caseId: null,
      actorId: w.assistant.id,
      role: "CENTRAL_ASSISTANT",
      action: "sign",
      fromState: null,
      toState: null,
      note: null,
      data: null,
      ip: null,
      delegationId: null,
      createdAt: new Date(),
      // The column's default: what a raw insert gets.
      hashForm: 1,
      stageEnteredAt: null,
      procedure: null,
      dideducId: null,
    };
    await db.$executeRawUnsafe(`DROP INDEX "AuditEvent_prevHash_key"`);
    try {
      await db.$executeRaw`INSERT INTO "AuditEvent" ("id", "actorId", "role", "action", "createdAt", "prevHash", "hash") VALUES (${gap}, ${w.assistant.id}, 'CENTRAL_ASSISTANT', 'sign', ${forged.createdAt}, ${forged.prevHash}, ${computeAuditHash(forged)})`;
      const r = await verifyAuditChain(db);
      expect(r.firstBreak).toMatchObject({ id: ids[6].toString(), kind: "link", found: before.hash });
      await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${gap}`;
    } finally {
      await db.$executeRawUnsafe(`CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash")`);
    }
    await restore();
  });
});

describe("a state change's context (decision 0024: the dashboards' stays)", () => {
  it("transition() records when the stay it ends began, and the case's procedure and DIDEDUC, under the event's hash", async () => {
    const c = await submittedCase();
    const events = await db.auditEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([[null, "DRAFT"], ["DRAFT", c.state]]);
    expect(events[0]).toMatchObject({ stageEnteredAt: null, procedure: null, dideducId: null, hashForm: 2 });
    expect(events[1]).toMatchObject({ stageEnteredAt: events[0].createdAt, procedure: "GRADUATION_RECORD", dideducId: c.dideducId, hashForm: 2 });
    await backup();
    await db.$executeRaw`UPDATE "AuditEvent" SET "stageEnteredAt" = "stageEnteredAt" + interval '3 days' WHERE "id" = ${events[1].id}`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: events[1].id.toString(), kind: "content" });
    await restore();
    await db.$executeRaw`UPDATE "AuditEvent" SET "procedure" = 'SWORN_TRANSLATION' WHERE "id" = ${events[1].id}`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: events[1].id.toString(), kind: "content" });
    await restore();
  });
});

describe("one chain per installation, whatever writes at once", () => {
  it("many transitions at once, from two server instances on one PostgreSQL, yield one unbroken chain", async () => {
    const second = createPrisma(tdb.url);
    try {
      const drafts = await Promise.all(Array.from({ length: 16 }, () => createDraftCase(w.citizen, { procedure: "GRADUATION_RECORD" }, { db })));
      const before = await db.auditEvent.count();
      await Promise.all(drafts.map((c, i) => transition(c.id, "submit", w.citizen, {}, c.version, { db: i % 2 ? db : second.prisma })));
      expect(await db.auditEvent.count()).toBe(before + drafts.length);
      const r = await verifyAuditChain(second.prisma);
      expect(r).toMatchObject({ checked: before + drafts.length, firstBreak: null });
    } finally {
      await second.close();
    }
    await backup();
  });

  it("events from before the chain existed are chained in id order by the first append", async () => {
    // As the migration audit_hash_chain leaves an existing installation: the columns empty.
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_chained"`);
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "prevHash" = NULL, "hash" = NULL`);
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_chained" CHECK ("prevHash" IS NOT NULL AND "hash" IS NOT NULL) NOT VALID`);
    const count = await db.auditEvent.count();
    await submittedCase(); // two events: the draft's creation and the submission
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.every((r) => r.hash !== null)).toBe(true);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(await verifyAuditChain(db)).toMatchObject({ checked: count + 2, firstBreak: null, legacyChained: false });
  });
});
// On the embedded PGlite the demo seed's chain is verified in tests/integration/seed/start-seed-pglite.test.ts.

describe("an installation from before hash form 2 (the migration audit_event_stay_columns)", () => {
  // That migration's backfill, as the upgrade runs it.
  function backfillSql(): string {
    const dir = fs.readdirSync("prisma/migrations").find((d) => d.endsWith("_audit_event_stay_columns"))!;
    const sql = fs.readFileSync(path.join("prisma/migrations", dir, "migration.sql"), "utf8");
    return sql.slice(sql.indexOf('UPDATE "AuditEvent"'), sql.indexOf(";", sql.indexOf('UPDATE "AuditEvent"')));
  }

  it("fills the old state changes' context from the trail, keeps their form-1 hashes, and audit:verify catches a changed value", async () => {
    // As the migration finds an installation: form-1 events without the new columns' values
    // (unchained here; chained ones would have the form-1 hashes the first append below computes).
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_chained"`);
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "prevHash" = NULL, "hash" = NULL, "hashForm" = 1, "stageEnteredAt" = NULL, "procedure" = NULL, "dideducId" = NULL`);
    await db.$executeRawUnsafe(backfillSql());
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_chained" CHECK ("prevHash" IS NOT NULL AND "hash" IS NOT NULL) NOT VALID`);
    const c = await submittedCase();
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    const old = rows.filter((r) => r.hashForm === 1);
    expect(old.length).toBeGreaterThan(10);
    // The backfill gave each old state change what transition() now writes.
    const submissions = old.filter((r) => r.fromState === "DRAFT");
    expect(submissions.length).toBeGreaterThan(3);
    for (const s of submissions) {
      const created = old.find((r) => r.caseId === s.caseId && r.toState === "DRAFT" && r.fromState === null)!;
      const kase = await db.case.findUniqueOrThrow({ where: { id: s.caseId! } });
      expect(s).toMatchObject({ stageEnteredAt: created.createdAt, procedure: "GRADUATION_RECORD", dideducId: kase.dideducId });
      expect(created).toMatchObject({ stageEnteredAt: null, procedure: null, dideducId: null });
    }
    expect(rows.filter((r) => r.caseId === c.id).every((r) => r.hashForm === 2)).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ checked: rows.length, firstBreak: null });

    await backup();
    const target = submissions[1];
    await db.$executeRaw`UPDATE "AuditEvent" SET "stageEnteredAt" = "stageEnteredAt" - interval '5 days' WHERE "id" = ${target.id}`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: target.id.toString(), kind: "derived" });
    await restore();
    await db.$executeRaw`UPDATE "AuditEvent" SET "procedure" = 'SWORN_TRANSLATION' WHERE "id" = ${target.id}`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: target.id.toString(), kind: "derived" });
    await restore();
    await db.$executeRaw`UPDATE "AuditEvent" SET "dideducId" = ${"otra-dideduc"} WHERE "id" = ${target.id}`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: target.id.toString(), kind: "derived" });
    await restore();
    const creation = old.find((r) => r.fromState === null && r.caseId !== null)!;
    await db.$executeRaw`UPDATE "AuditEvent" SET "procedure" = 'GRADUATION_RECORD' WHERE "id" = ${creation.id}`;
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: creation.id.toString(), kind: "derived" });
    await restore();
  });
});
