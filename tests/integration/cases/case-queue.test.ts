import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { deliverNotification } from "@/lib/cases/deliver-notification";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { listSupervisionOffices } from "@/lib/cases/list-supervision-offices";
import { notifyApplicant } from "@/lib/cases/notify-applicant";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import type { Role } from "@/lib/generated/prisma/enums";
import { createSessionUser, createTestDideduc, submittedEducationalRecord } from "../../helpers/database-fixtures";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Staff side of lib/cases on PostgreSQL: queue scope, order, filters, search and paging; case view
// scope; mails of staff decisions and issuance through the outbox.
let tdb: TTestDatabase;
let citizen: TSessionUser;
let reviewerGN: TSessionUser;
let reviewerXela: TSessionUser;
let signerGN: TSessionUser;
let assistant: TSessionUser;
let gn: string;
let xela: string;
const opts = () => ({ db: tdb.prisma });

const user = (email: string, roles: Role[], dideducId: string | null, name = email.split("@")[0]) => createSessionUser(tdb.prisma, email, roles, dideducId, { name });

const submitted = (applicant: TSessionUser, lastNames: string, dideducId: string, when: Date) => submittedEducationalRecord(tdb.prisma, applicant, lastNames, dideducId, when);

beforeAll(async () => {
  tdb = await createTestDatabase();
  gn = await createTestDideduc(tdb.prisma, "gn", "Guatemala Norte");
  xela = await createTestDideduc(tdb.prisma, "xela", "Quetzaltenango");
  citizen = await user("ciudadana@example.test", ["CITIZEN"], null, "Rosa Tzul Pérez");
  reviewerGN = await user("revisora.gn@example.test", ["DIDEDUC_REVIEWER"], gn);
  reviewerXela = await user("revisora.xela@example.test", ["DIDEDUC_REVIEWER"], xela);
  signerGN = await user("director.gn@example.test", ["DIDEDUC_SIGNER"], gn);
  assistant = await user("asistente@example.test", ["CENTRAL_ASSISTANT"], null);
});
afterAll(async () => {
  await tdb?.drop();
});

describe("queues", () => {
  it("lists only the own DIDEDUC's cases, oldest first, filtered by state and procedure, searched by number or name, paginated", async () => {
    const other = await user("otra@example.test", ["CITIZEN"], null, "Lucía Batz");
    const a = await submitted(citizen, "Cux Uno", gn, new Date("2026-01-05T15:00:00Z"));
    const b = await submitted(other, "Cux Dos", gn, new Date("2026-02-05T15:00:00Z"));
    const c = await submitted(citizen, "Cux Tres", gn, new Date("2026-01-20T15:00:00Z"));
    const elsewhere = await submitted(citizen, "Cux Cuatro", xela, new Date("2026-01-01T15:00:00Z"));
    // Drafts never reach a queue.
    await createDraftCase(citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: gn, formData: {} }, { db: tdb.prisma });

    const mine = await listCaseQueue({ actor: reviewerGN, segment: "dideduc" }, opts());
    expect(mine.rows.map((r) => r.id)).toEqual([a.id, c.id, b.id]);
    expect(mine).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect((await listCaseQueue({ actor: reviewerXela, segment: "dideduc" }, opts())).rows.map((r) => r.id)).toEqual([elsewhere.id]);
    expect((await listCaseQueue({ actor: assistant, segment: "dideduc" }, opts())).rows).toEqual([]);

    // Paging keeps the order and clamps out-of-range pages.
    const p1 = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", pageSize: 2 }, opts());
    const p2 = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", pageSize: 2, page: 2 }, opts());
    const p9 = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", pageSize: 2, page: 9 }, opts());
    expect([p1.rows.map((r) => r.id), p2.rows.map((r) => r.id)]).toEqual([[a.id, c.id], [b.id]]);
    expect(p1.pageCount).toBe(2);
    expect(p9.page).toBe(2);

    // Search: case number prefix (any case), applicant name (any case), student name as typed.
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: b.number.toLowerCase() }, opts())).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: b.number.slice(0, 7) }, opts())).total).toBe(3);
    // Names: whole words of the applicant's or the student's name, in any order, case or accents.
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: "LUCIA" }, opts())).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: "batz lucía" }, opts())).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: "Tres Cux" }, opts())).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: "rosa perez" }, opts())).rows.map((r) => r.id)).toEqual([a.id, c.id]);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: "Cux Siete" }, opts())).total).toBe(0);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: " - " }, opts())).total).toBe(0);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", q: elsewhere.number }, opts())).rows).toEqual([]);

    // Filters.
    await performCaseAction({ actor: reviewerGN, caseId: c.id, action: "reject_for_correction", input: { reason: "Falta el reverso." }, expectedVersion: c.version, ip: null }, opts());
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", state: "NEEDS_CORRECTION" }, opts())).rows.map((r) => [r.id, r.lastNote])).toEqual([
      [c.id, "Falta el reverso."],
    ]);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", state: "DIDEDUC_REVIEW" }, opts())).total).toBe(2);
    expect((await listCaseQueue({ actor: reviewerGN, segment: "dideduc", procedure: "DIPLOMA_FROM_2005" }, opts())).total).toBe(0);
    // A state outside the segment shows nothing rather than another office's work.
    expect((await listCaseQueue({ actor: reviewerGN, segment: "atencion", state: "DIDEDUC_REVIEW" }, opts())).total).toBe(0);

    // The central office sees every DIDEDUC's cases awaiting it.
    await tdb.prisma.case.updateMany({ where: { id: { in: [a.id, elsewhere.id] } }, data: { state: "CENTRAL_REVIEW" } });
    const central = await listCaseQueue({ actor: assistant, segment: "atencion", state: "CENTRAL_REVIEW" }, opts());
    expect(central.rows.map((r) => r.id)).toEqual([elsewhere.id, a.id]);
    expect(central.rows.map((r) => r.dideduc?.name)).toEqual(["Quetzaltenango", "Guatemala Norte"]);
  });
});

describe("case view scope", () => {
  it("shows a case to its DIDEDUC and the central office, with named staff in the timeline, and to nobody else", async () => {
    const c = await submitted(citizen, "Saquic", gn, new Date("2026-03-01T10:00:00Z"));
    expect(await getCaseForActor({ actor: reviewerXela, caseId: c.id }, opts())).toBeNull();
    expect(await getCaseForActor({ actor: reviewerGN, caseId: "no-such-case" }, opts())).toBeNull();
    await expect(
      performCaseAction({ actor: reviewerXela, caseId: c.id, action: "reject_for_correction", input: { reason: "x" }, expectedVersion: c.version, ip: null }, opts()),
    ).rejects.toMatchObject({ code: "OUT_OF_SCOPE" });
    await expect(
      performCaseAction({ actor: reviewerGN, caseId: c.id, action: "generate_certification", input: {}, expectedVersion: c.version, ip: null }, opts()),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });

    const back = await performCaseAction(
      { actor: reviewerGN, caseId: c.id, action: "reject_for_correction", input: { reason: "Ilegible." }, expectedVersion: c.version, ip: null },
      opts(),
    );
    const staff = await getCaseForActor({ actor: reviewerGN, caseId: c.id }, opts());
    expect(staff?.applicant.name).toBe("Rosa Tzul Pérez");
    expect(staff?.events.at(-1)).toMatchObject({ action: "reject_for_correction", actorName: "revisora.gn", role: "DIDEDUC_REVIEWER", note: "Ilegible.", fromState: "DIDEDUC_REVIEW", toState: "NEEDS_CORRECTION" });
    expect(staff?.case.version).toBe(back.version);
    // Nothing for the reviewer to do while the citizen corrects.
    expect(staff?.actions).toEqual([]);
    expect(await getCaseForActor({ actor: assistant, caseId: c.id }, opts())).not.toBeNull();
    expect(await getCaseForActor({ actor: signerGN, caseId: c.id }, opts())).not.toBeNull();
    // The citizen sees the office's role, not the employee's name.
    const own = await getCaseForActor({ actor: citizen, caseId: c.id }, opts());
    expect(own?.events.at(-1)).toMatchObject({ actorName: null, role: "DIDEDUC_REVIEWER", byApplicant: false });
  });

  it("gives the reviewer the actions of the moment as descriptors, none to the central office yet; a stale version changes nothing", async () => {
    const c = await submitted(citizen, "Chiroy", gn, new Date("2026-03-03T10:00:00Z"));
    const view = await getCaseForActor({ actor: reviewerGN, caseId: c.id }, opts());
    expect(view?.actions.map((a) => [a.action, a.operation, a.inputKind])).toEqual([
      ["reject_for_correction", "plain", "reason"],
      ["reject_with_guidance", "plain", "guidance"],
      ["generate_certification", "generate_certification", "none"],
    ]);
    expect(view?.events.map((e) => [e.action, e.byApplicant])).toEqual([
      ["create", true],
      ["submit", true],
    ]);
    expect((await getCaseForActor({ actor: assistant, caseId: c.id }, opts()))?.actions).toEqual([]);

    await expect(
      performCaseAction({ actor: reviewerGN, caseId: c.id, action: "reject_for_correction", input: { reason: "x" }, expectedVersion: c.version - 1, ip: null }, opts()),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect(await tdb.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ state: "DIDEDUC_REVIEW", version: c.version });
    expect(await tdb.prisma.outboxMail.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("lists the DIDEDUC's active supervision offices", async () => {
    await tdb.prisma.supervisionOffice.createMany({
      data: [
        { dideducId: gn, name: "Supervisión Zona 18", phone: "2260-0000", address: "Zona 18" },
        { dideducId: gn, name: "Supervisión Antigua", phone: "2260-0001", address: "Zona 6", active: false },
        { dideducId: xela, name: "Supervisión Xela", phone: "7760-0000", address: "Zona 3" },
      ],
    });
    expect((await listSupervisionOffices(gn, opts())).map((o) => o.name)).toEqual(["Supervisión Zona 18"]);
  });
});

describe("issuance mail", () => {
  it("is written with the caller's transaction (rolled back with it) and delivered after commit; a failing SMTP never throws", async () => {
    const c = await submitted(citizen, "Ajpop", gn, new Date("2026-03-02T10:00:00Z"));
    await expect(
      tdb.prisma.$transaction(async (tx) => {
        await notifyApplicant(tx, c, { type: "issued", verificationCode: "ABCD-EFGH-JK" });
        throw new Error("signature refused");
      }),
    ).rejects.toThrow("signature refused");
    expect(await tdb.prisma.outboxMail.count({ where: { caseId: c.id, subject: { contains: "emitida" } } })).toBe(0);

    const outboxId = await tdb.prisma.$transaction((tx) => notifyApplicant(tx, c, { type: "issued", verificationCode: "ABCD-EFGH-JK" }));
    const failing = { sendMail: async () => { throw new Error("SMTP caído"); } };
    await expect(deliverNotification(tdb.prisma, outboxId, { transport: failing as never, env: {} })).resolves.toBeUndefined();
    const row = await tdb.prisma.outboxMail.findUniqueOrThrow({ where: { id: outboxId } });
    expect(row).toMatchObject({ to: "ciudadana@example.test", sentAt: null, error: "SMTP caído" });
    expect(row.text).toContain("ABCD-EFGH-JK");
    expect(row.text).toContain("/verificar/");
    const sent: string[] = [];
    await deliverNotification(tdb.prisma, outboxId, { transport: { sendMail: async (m: { to: string }) => { sent.push(m.to); return {}; } } as never, env: {} });
    expect(sent).toEqual(["ciudadana@example.test"]);
    expect((await tdb.prisma.outboxMail.findUniqueOrThrow({ where: { id: outboxId } })).sentAt).not.toBeNull();
  });
});
