import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminDelegation } from "@/lib/admin/create-admin-delegation";
import { updateStaffAccount } from "@/lib/admin/update-staff-account";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { TSessionUser } from "@/lib/auth/session-user";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import type { Case } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { TransitionError } from "@/lib/workflow/transition-error";
import { transition } from "@/lib/workflow/transition";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Issue #9 §1 as reported, at the domain level: the administrator gives a Guatemala Norte staff
// member a review delegation, then moves the account to Quetzaltenango. The replayed
// `reject_for_correction` server action (app/dideduc/actions/perform-case-action.ts →
// performCaseAction) on a Norte case must be refused and change nothing, and the /dideduc queue
// (components/staff/staff-queue-page.tsx → listCaseQueue, for the actor findSessionUser builds)
// must list neither Norte's cases nor Quetzaltenango's.

const NOW = new Date("2026-03-10T15:00:00Z");

let tdb: TTestDatabase;
let norte: string;
let xela: string;
let admin: TSessionUser;
let directorNorte: TSessionUser;
let analyst: TSessionUser;
let reviewerXela: TSessionUser;
let citizen: TSessionUser;
let norteCase: Case;
let xelaCase: Case;

async function user(key: string, roles: Role[], dideducId: string | null): Promise<TSessionUser> {
  const u = await tdb.prisma.user.create({ data: { email: `${key}@example.test`, name: key, passwordHash: "x", roles, dideducId } });
  return { id: u.id, name: u.name, email: u.email, roles: u.roles, dideducId: u.dideducId, delegatedRoles: [] };
}

async function submitted(dideducId: string): Promise<Case> {
  const db = tdb.prisma;
  const draft = await createDraftCase(citizen, { procedure: "EDUCATIONAL_RECORD", dideducId, formData: { student: { firstNames: "Ana", lastNames: "Cux" }, studies: [] } }, { db, now: NOW });
  return transition(draft.id, "submit", citizen, {}, draft.version, { db, now: NOW });
}

async function snapshot(caseId: string) {
  const db = tdb.prisma;
  return {
    row: await db.case.findUniqueOrThrow({ where: { id: caseId } }),
    events: await db.auditEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    mails: await db.outboxMail.count({ where: { caseId } }),
  };
}

const session = async (id: string) => (await findSessionUser({ id }, { db: tdb.prisma, now: NOW }))!;
const dideducQueue = async (actor: TSessionUser) => (await listCaseQueue({ actor, segment: "dideduc", now: NOW }, { db: tdb.prisma })).rows.map((r) => r.id);

beforeAll(async () => {
  tdb = await createTestDatabase();
  const db = tdb.prisma;
  norte = (await db.dideduc.create({ data: { code: "gn", name: "Guatemala Norte", type: "A", address: "Zona 1", phone: "2222-0000", email: "gn@example.test" } })).id;
  xela = (await db.dideduc.create({ data: { code: "xela", name: "Quetzaltenango", type: "C", address: "Xela", phone: "7761-0000", email: "xela@example.test" } })).id;
  admin = await user("admin", ["ADMIN"], null);
  directorNorte = await user("director-norte", ["DIDEDUC_SIGNER"], norte);
  analyst = await user("analista-norte", [], norte);
  reviewerXela = await user("revisora-xela", ["DIDEDUC_REVIEWER"], xela);
  citizen = await user("ciudadana", ["CITIZEN"], null);
  norteCase = await submitted(norte);
  xelaCase = await submitted(xela);
});
afterAll(async () => {
  await tdb?.drop();
});

describe("the reported reproduction: a delegate moved to another DIDEDUC", () => {
  it("before the move, the delegation lets the Norte analyst work Norte's queue", async () => {
    await createAdminDelegation(
      admin,
      { grantorId: directorNorte.id, delegateId: analyst.id, validFrom: "2026-03-01", validTo: "2026-03-31" },
      { db: tdb.prisma, now: NOW },
    );
    const before = await session(analyst.id);
    expect(before.delegatedRoles).toEqual(["DIDEDUC_REVIEWER"]);
    expect(await dideducQueue(before)).toEqual([norteCase.id]);
  });

  it("after the move, the replayed reject_for_correction on a Norte case is refused and changes nothing", async () => {
    // What the account's browser page still holds: the Norte case at its version, and its old session.
    const oldSession = await session(analyst.id);
    await updateStaffAccount(admin, { userId: analyst.id, roles: [], dideducId: xela }, { db: tdb.prisma, now: NOW });

    const before = await snapshot(norteCase.id);
    const now = await session(analyst.id);
    for (const actor of [now, oldSession]) {
      const error = await performCaseAction({
        actor,
        caseId: norteCase.id,
        action: "reject_for_correction",
        input: { reason: "Falta el sello del establecimiento." },
        expectedVersion: norteCase.version,
        ip: "198.51.100.7",
        now: NOW,
        db: tdb.prisma,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransitionError);
      expect(await snapshot(norteCase.id)).toEqual(before);
    }
    expect(before.row).toMatchObject({ state: "DIDEDUC_REVIEW", version: norteCase.version, lastNote: null });
  });

  it("after the move, the /dideduc queue lists neither Norte's nor Quetzaltenango's cases, and no case page opens", async () => {
    const now = await session(analyst.id);
    expect(now).toMatchObject({ dideducId: xela, roles: [], delegatedRoles: [] });
    expect(await dideducQueue(now)).toEqual([]);
    // Quetzaltenango has cases, its own reviewer sees them: the empty queue is the refusal.
    expect(await dideducQueue(reviewerXela)).toEqual([xelaCase.id]);
    for (const c of [norteCase, xelaCase]) expect(await getCaseForActor({ actor: now, caseId: c.id, now: NOW, db: tdb.prisma })).toBeNull();
  });
});
