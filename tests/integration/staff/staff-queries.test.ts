import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCaseForActor } from "@/components/staff/data/get-case-for-actor";
import { listCaseQueue } from "@/components/staff/data/list-case-queue";
import { performCaseAction } from "@/components/staff/data/perform-case-action";
import type { TSessionUser } from "@/lib/auth/session-user";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import type { Role } from "@/lib/generated/prisma/enums";
import { transition } from "@/lib/workflow/transition";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// The interim staff queries on a real PostgreSQL: scope (own DIDEDUC, central sees all), queue
// order, filters and search, and the citizen's mail after a staff decision.
let tdb: TTestDatabase;
let citizen: TSessionUser;
let reviewerGN: TSessionUser;
let reviewerXela: TSessionUser;
let assistant: TSessionUser;
let gn: string;
let xela: string;

const QUEUE = ["DIDEDUC_REVIEW", "NEEDS_CORRECTION", "DIDEDUC_SIGNATURE", "CENTRAL_REVIEW", "REJECTED", "ISSUED"] as const;

async function user(email: string, roles: Role[], dideducId: string | null): Promise<TSessionUser> {
  const u = await tdb.prisma.user.create({ data: { email, name: email.split("@")[0], passwordHash: "x", roles, dideducId } });
  return { id: u.id, name: u.name, email: u.email, roles: u.roles, dideducId, delegatedRoles: [] };
}

async function submitted(lastNames: string, dideducId: string, when: Date) {
  const draft = await createDraftCase(
    citizen,
    { procedure: "EDUCATIONAL_RECORD", dideducId, formData: { student: { firstNames: "Ana", lastNames }, studies: [] } },
    { db: tdb.prisma, now: when },
  );
  return transition(draft.id, "submit", citizen, {}, draft.version, { db: tdb.prisma, now: when });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const mk = (code: string, name: string) =>
    tdb.prisma.dideduc.create({ data: { code, name, type: "A", address: "Zona 1", phone: "2222-0000", email: `${code}@example.test` } });
  gn = (await mk("gn", "Guatemala Norte")).id;
  xela = (await mk("xela", "Quetzaltenango")).id;
  citizen = await user("ciudadana@example.test", ["CITIZEN"], null);
  reviewerGN = await user("revisora.gn@example.test", ["DIDEDUC_REVIEWER"], gn);
  reviewerXela = await user("revisora.xela@example.test", ["DIDEDUC_REVIEWER"], xela);
  assistant = await user("asistente@example.test", ["CENTRAL_ASSISTANT"], null);
});
afterAll(async () => {
  await tdb?.drop();
});

describe("staff queues and case views (interim queries)", () => {
  it("lists only the own DIDEDUC's cases, oldest first, with state, procedure and name or number search", async () => {
    const older = await submitted("Batz Uno", gn, new Date("2026-01-05T15:00:00Z"));
    const newer = await submitted("Batz Dos", gn, new Date("2026-02-05T15:00:00Z"));
    const elsewhere = await submitted("Batz Tres", xela, new Date("2026-01-01T15:00:00Z"));
    const opts = { db: tdb.prisma };

    const mine = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", states: QUEUE, q: "Batz" }, opts);
    expect(mine.rows.map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(mine.total).toBe(2);

    const byNumber = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", states: QUEUE, q: newer.number.toLowerCase() }, opts);
    expect(byNumber.rows.map((r) => r.id)).toEqual([newer.id]);
    const none = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", states: QUEUE, state: "ISSUED", q: "Batz" }, opts);
    expect(none.total).toBe(0);
    const otherProcedure = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", states: QUEUE, procedure: "DIPLOMA_BEFORE_2005" }, opts);
    expect(otherProcedure.total).toBe(0);

    const paged = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", states: QUEUE, q: "Batz", page: 2, pageSize: 1 }, opts);
    expect(paged).toMatchObject({ page: 2, pageCount: 2, total: 2 });
    expect(paged.rows.map((r) => r.id)).toEqual([newer.id]);

    const xelaQueue = await listCaseQueue({ actor: reviewerXela, segment: "dideduc", states: QUEUE, q: "Batz" }, opts);
    expect(xelaQueue.rows.map((r) => r.id)).toEqual([elsewhere.id]);
    // No DIDEDUC assigned: nothing, rather than everything.
    expect((await listCaseQueue({ actor: { ...reviewerGN, dideducId: null }, segment: "dideduc", states: QUEUE }, opts)).total).toBe(0);
    // The central office sees every DIDEDUC's.
    const central = await listCaseQueue({ actor: assistant, segment: "atencion", states: ["DIDEDUC_REVIEW"], q: "Batz" }, opts);
    expect(central.rows.map((r) => r.id)).toEqual([elsewhere.id, older.id, newer.id]);
  });

  it("opens a case only in scope, with the actions this person may take now", async () => {
    const c = await submitted("Scope Caso", gn, new Date("2026-03-01T15:00:00Z"));
    const opts = { db: tdb.prisma };
    const view = await getCaseForActor({ actor: reviewerGN, caseId: c.id }, opts);
    expect(view?.case.number).toBe(c.number);
    expect(view?.actions.map((a) => a.action)).toEqual(["reject_for_correction", "reject_with_guidance", "generate_certification"]);
    expect(view?.events.map((e) => e.action)).toEqual(["create", "submit"]);
    expect(await getCaseForActor({ actor: reviewerXela, caseId: c.id }, opts)).toBeNull();
    expect(await getCaseForActor({ actor: reviewerGN, caseId: "no-existe" }, opts)).toBeNull();
    const central = await getCaseForActor({ actor: assistant, caseId: c.id }, opts);
    expect(central?.actions).toEqual([]);
  });

  it("requests a correction through the workflow and mails the citizen; a stale version changes nothing", async () => {
    const c = await submitted("Correo Caso", gn, new Date("2026-03-02T15:00:00Z"));
    const opts = { db: tdb.prisma };
    await expect(
      performCaseAction({ actor: reviewerGN, caseId: c.id, action: "reject_for_correction", input: { reason: "x" }, expectedVersion: c.version - 1, ip: null }, opts),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    await expect(
      performCaseAction({ actor: reviewerGN, caseId: c.id, action: "reject_for_correction", input: { reason: "" }, expectedVersion: c.version, ip: null }, opts),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { reason: [expect.stringContaining("motivo")] } });
    await expect(
      performCaseAction({ actor: reviewerXela, caseId: c.id, action: "reject_for_correction", input: { reason: "x" }, expectedVersion: c.version, ip: null }, opts),
    ).rejects.toMatchObject({ code: "OUT_OF_SCOPE" });
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("DIDEDUC_REVIEW");

    const done = await performCaseAction(
      { actor: reviewerGN, caseId: c.id, action: "reject_for_correction", input: { reason: "Escanee el reverso." }, expectedVersion: c.version, ip: "203.0.113.9" },
      opts,
    );
    expect(done).toEqual({ version: c.version + 1, state: "NEEDS_CORRECTION" });
    const mail = await tdb.prisma.outboxMail.findFirstOrThrow({ where: { caseId: c.id } });
    expect(mail.to).toBe(citizen.email);
    expect(mail.text).toContain("Escanee el reverso.");
    // The operations with their own function are refused here.
    await expect(
      performCaseAction({ actor: reviewerGN, caseId: c.id, action: "generate_certification", input: {}, expectedVersion: done.version, ip: null }, opts),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});
