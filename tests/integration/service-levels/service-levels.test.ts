import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/audit-actions";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { TSessionUser } from "@/lib/auth/session-user";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import type { CaseState, Procedure, Role } from "@/lib/generated/prisma/enums";
import { addHoliday } from "@/lib/service-levels/add-holiday";
import { findCasesNearTarget } from "@/lib/service-levels/find-cases-near-target";
import { listServiceLevels } from "@/lib/service-levels/list-service-levels";
import { loadServiceLevels } from "@/lib/service-levels/load-service-levels";
import { removeHoliday } from "@/lib/service-levels/remove-holiday";
import { saveServiceLevelTarget } from "@/lib/service-levels/save-service-level-target";
import { toQueueRows } from "@/components/staff/to-queue-rows";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Issue #14, service levels on PostgreSQL: the admin's targets per procedure and stage and the
// holidays (allowed for the admin, refused otherwise, audited), and «Vencida»/«Por vencer» in the
// queue and in findCasesNearTarget, from the stage's start in the audit trail.
let tdb: TTestDatabase;
let admin: TSessionUser;
let reviewerGN: TSessionUser;
let citizen: TSessionUser;
let gn: string;
let xela: string;
const opts = () => ({ db: tdb.prisma, ip: "10.0.0.9" });
let seq = 0;

async function user(email: string, roles: Role[], dideducId: string | null): Promise<TSessionUser> {
  const u = await tdb.prisma.user.create({ data: { email, name: email.split("@")[0], passwordHash: "x", roles, dideducId } });
  return { id: u.id, name: u.name, email: u.email, roles: u.roles, dideducId, delegatedRoles: [] };
}

// A case placed in its state, with the audit event of its entry into it at `since` (what the queue reads).
async function placed(procedure: Procedure, state: CaseState, dideducId: string | null, since: Date) {
  seq += 1;
  const c = await tdb.prisma.case.create({
    data: { number: `ZZ-2026-${String(seq).padStart(6, "0")}`, procedure, state, applicantId: citizen.id, dideducId, submittedAt: since, createdAt: since, formData: { student: { firstNames: "Ana", lastNames: `Caso ${seq}` } } },
  });
  await appendAuditEvent(tdb.prisma, { data: { caseId: c.id, actorId: citizen.id, role: "CITIZEN", action: "submit", fromState: "DRAFT", toState: state, createdAt: since } });
  return c;
}

// 09:00 in Guatemala (UTC−6) of a calendar day.
const at = (day: string, time = "09:00") => new Date(`${day}T${time}:00-06:00`);

beforeAll(async () => {
  tdb = await createTestDatabase();
  const mk = (code: string, name: string) => tdb.prisma.dideduc.create({ data: { code, name, type: "A", address: "Zona 1", phone: "2222-0000", email: `${code}@example.test` } });
  gn = (await mk("gn", "Guatemala Norte")).id;
  xela = (await mk("xela", "Quetzaltenango")).id;
  admin = await user("admin@example.test", ["ADMIN"], null);
  reviewerGN = await user("revisora.gn@example.test", ["DIDEDUC_REVIEWER"], gn);
  citizen = await user("ciudadana@example.test", ["CITIZEN"], null);
});
afterAll(async () => {
  await tdb?.drop();
});

describe("service-level targets (/admin/plazos)", () => {
  it("the admin sets a target in business days per procedure and stage, changes and clears it; each change audited with from and to", async () => {
    const stage = { procedure: "EDUCATIONAL_RECORD" as const, state: "DIDEDUC_REVIEW" as const };
    await saveServiceLevelTarget(admin, { ...stage, businessDays: "5" }, opts());
    await saveServiceLevelTarget(admin, { ...stage, businessDays: " 7 " }, opts());
    expect(await tdb.prisma.serviceLevelTarget.findUniqueOrThrow({ where: { procedure_state: stage } })).toMatchObject({ businessDays: 7 });
    // The same value again changes nothing and writes no event.
    await saveServiceLevelTarget(admin, { ...stage, businessDays: "7" }, opts());
    await saveServiceLevelTarget(admin, { ...stage, businessDays: "" }, opts());
    expect(await tdb.prisma.serviceLevelTarget.findUnique({ where: { procedure_state: stage } })).toBeNull();
    const events = await tdb.prisma.auditEvent.findMany({ where: { action: "admin.set_service_level" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { ...stage, businessDays: { from: null, to: 5 } },
      { ...stage, businessDays: { from: 5, to: 7 } },
      { ...stage, businessDays: { from: 7, to: null } },
    ]);
    expect(events[0]).toMatchObject({ actorId: admin.id, role: "ADMIN", ip: "10.0.0.9", caseId: null });
    expect(AUDIT_ACTION_LABELS["admin.set_service_level"]).toBe("Plazo de atención modificado");
  });

  it("refuses anyone but the admin, and a number that is not a target, next to the field", async () => {
    const stage = { procedure: "EDUCATIONAL_RECORD" as const, state: "DIDEDUC_REVIEW" as const };
    await expect(saveServiceLevelTarget(reviewerGN, { ...stage, businessDays: "1" }, opts())).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const bad of ["0", "-1", "2.5", "cinco", "251"]) {
      await expect(saveServiceLevelTarget(admin, { ...stage, businessDays: bad }, opts())).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { businessDays: [expect.any(String)] } });
    }
    // A correction waits on the applicant: no target there.
    await expect(saveServiceLevelTarget(admin, { procedure: "EDUCATIONAL_RECORD", state: "NEEDS_CORRECTION", businessDays: "3" }, opts())).rejects.toMatchObject({
      fieldErrors: { businessDays: ["Esa etapa no espera al personal: no lleva plazo."] },
    });
    expect(await tdb.prisma.serviceLevelTarget.count()).toBe(0);
  });

  it("the admin screen lists every stage that waits on staff, D.1.1's DIDEDUC review among them, with its target", async () => {
    await saveServiceLevelTarget(admin, { procedure: "EDUCATIONAL_RECORD", state: "DIDEDUC_REVIEW", businessDays: "5" }, opts());
    const { targets } = await listServiceLevels({ db: tdb.prisma });
    expect(targets.find((t) => t.procedure === "EDUCATIONAL_RECORD" && t.state === "DIDEDUC_REVIEW")).toMatchObject({ procedureCode: "D.1.1", businessDays: 5 });
    expect(targets.find((t) => t.procedure === "EDUCATIONAL_RECORD" && t.state === "CENTRAL_REVIEW")).toMatchObject({ businessDays: null });
  });
});

describe("holidays as data", () => {
  it("the admin adds a holiday (a half day too) and removes one; both audited; duplicates and bad dates refused next to the field", async () => {
    const { id } = await addHoliday(admin, { date: "2026-09-15", name: "Día de la Independencia" }, opts());
    await addHoliday(admin, { date: "2026-12-24", name: "Nochebuena", halfDay: "on" }, opts());
    expect(await tdb.prisma.holiday.findFirstOrThrow({ where: { name: "Nochebuena" } })).toMatchObject({ halfDay: true });
    await expect(addHoliday(admin, { date: "2026-09-15", name: "Otra vez" }, opts())).rejects.toMatchObject({ fieldErrors: { date: ["Esa fecha ya está en la lista (Día de la Independencia)."] } });
    await expect(addHoliday(admin, { date: "2026-02-30", name: "No existe" }, opts())).rejects.toMatchObject({ fieldErrors: { date: ["Elija una fecha válida."] } });
    await expect(addHoliday(admin, { date: "2026-10-20", name: "  " }, opts())).rejects.toMatchObject({ fieldErrors: { name: ["Escriba el nombre del asueto."] } });
    await expect(addHoliday(reviewerGN, { date: "2026-10-20", name: "Día de la Revolución" }, opts())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeHoliday(reviewerGN, { holidayId: id }, opts())).rejects.toMatchObject({ code: "FORBIDDEN" });

    await removeHoliday(admin, { holidayId: id }, opts());
    await expect(removeHoliday(admin, { holidayId: id }, opts())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = await tdb.prisma.auditEvent.findMany({ where: { action: { in: ["admin.add_holiday", "admin.remove_holiday"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, (e.data as { date: string }).date])).toEqual([
      ["admin.add_holiday", "2026-09-15"],
      ["admin.add_holiday", "2026-12-24"],
      ["admin.remove_holiday", "2026-09-15"],
    ]);
    expect((await listServiceLevels({ db: tdb.prisma })).holidays.map((h) => h.date)).toEqual(["2026-12-24"]);
    await tdb.prisma.holiday.deleteMany();
  });
});

describe("«Vencida» and «Por vencer» in the reviewer's queue and for the digest", () => {
  // Wednesday 9 December 2026, 10:00 in Guatemala; D.1.1's DIDEDUC review has 5 business days.
  const now = at("2026-12-09", "10:00");
  let c: Record<string, { id: string }>;
  beforeAll(async () => {
    await tdb.prisma.serviceLevelTarget.deleteMany();
    await tdb.prisma.serviceLevelTarget.createMany({
      data: [
        { procedure: "EDUCATIONAL_RECORD", state: "DIDEDUC_REVIEW", businessDays: 5 },
        { procedure: "DIPLOMA_BEFORE_2005", state: "DIDEDUC_REVIEW", businessDays: 5 },
      ],
    });
    c = {
      // Monday 30 Nov + 5 = Monday 7 Dec: past it.
      overdue: await placed("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", gn, at("2026-11-30")),
      // Wednesday 2 Dec + 5 = Wednesday 9 Dec: due today.
      dueToday: await placed("DIPLOMA_BEFORE_2005", "DIDEDUC_REVIEW", gn, at("2026-12-02")),
      // Monday 7 Dec + 5 = Monday 14 Dec: on time.
      onTime: await placed("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", gn, at("2026-12-07")),
      // Another DIDEDUC's overdue case: never in this office's digest.
      otherOffice: await placed("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", xela, at("2026-11-23")),
      // A correction waits on the applicant: no target, no status.
      correction: await placed("EDUCATIONAL_RECORD", "NEEDS_CORRECTION", gn, at("2026-11-02")),
    };
  });

  it('rows show «Vencida» past the target and «Por vencer» on the due date, with the due date; computed from targets and holidays loaded once', async () => {
    const queue = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", now }, { db: tdb.prisma });
    const rows = toQueueRows(queue.rows, now, await loadServiceLevels(tdb.prisma));
    const byId = new Map(rows.map((r) => [r.id, r.serviceLevel]));
    expect(byId.get(c.overdue.id)).toMatchObject({ state: "OVERDUE", dueDate: "2026-12-07", elapsed: 7 });
    expect(byId.get(c.dueToday.id)).toMatchObject({ state: "DUE_SOON", dueDate: "2026-12-09" });
    expect(byId.get(c.onTime.id)).toMatchObject({ state: "ON_TIME", dueDate: "2026-12-14" });
    expect(byId.get(c.correction.id)).toBeNull();
  });

  it("holidays the admin adds move the due date: 1 and 2 December off make the overdue case due today", async () => {
    const added = [await addHoliday(admin, { date: "2026-12-01", name: "Asueto 1" }, opts()), await addHoliday(admin, { date: "2026-12-02", name: "Asueto 2" }, opts())];
    const queue = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", now }, { db: tdb.prisma });
    const rows = toQueueRows(queue.rows, now, await loadServiceLevels(tdb.prisma));
    expect(rows.find((r) => r.id === c.overdue.id)?.serviceLevel).toMatchObject({ state: "DUE_SOON", dueDate: "2026-12-09" });
    for (const { id } of added) await removeHoliday(admin, { holidayId: id }, opts());
  });

  it("findCasesNearTarget: one office's cases «Vencida» or «Por vencer», most overdue first; not those on time, not another office's", async () => {
    const mine = await findCasesNearTarget(tdb.prisma, { dideducId: gn, now });
    expect(mine.map((r) => [r.id, r.status.state])).toEqual([
      [c.overdue.id, "OVERDUE"],
      [c.dueToday.id, "DUE_SOON"],
    ]);
    const all = await findCasesNearTarget(tdb.prisma, { now });
    expect(all.map((r) => r.id)).toEqual([c.otherOffice.id, c.overdue.id, c.dueToday.id]);
    // Narrowed to the stages a person acts on.
    expect((await findCasesNearTarget(tdb.prisma, { now, stages: [{ procedure: "DIPLOMA_BEFORE_2005", state: "DIDEDUC_REVIEW" }] })).map((r) => r.id)).toEqual([c.dueToday.id]);
    expect((await verifyAuditChain(tdb.prisma)).firstBreak).toBeNull();
  });
});
