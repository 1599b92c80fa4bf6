import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure, Role } from "@/lib/generated/prisma/enums";

// A small deterministic history for the dashboards' SQL (tests/integration/stats): cases whose
// states and audit transitions are placed by hand, at noon UTC on the given days of 2026.
export const at = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day, 12));
export const NOW = at(7, 15);

export type TStatsWorld = { gn: string; xela: string; users: Record<string, { id: string; name: string; email: string; roles: Role[]; dideducId: string | null; delegatedRoles: Role[] }> };

export async function buildStatsWorld(db: PrismaClient): Promise<TStatsWorld> {
  const mk = (code: string, name: string) => db.dideduc.create({ data: { code, name, type: "A", address: "Zona 1", phone: "2222-0000", email: `${code}@example.test` } });
  const gn = (await mk("gn", "Guatemala Norte")).id;
  const xela = (await mk("xela", "Quetzaltenango")).id;
  const users: TStatsWorld["users"] = {};
  const user = async (key: string, roles: Role[], dideducId: string | null) => {
    const u = await db.user.create({ data: { email: `${key}@example.test`, name: key, passwordHash: "x", roles, dideducId } });
    users[key] = { id: u.id, name: u.name, email: u.email, roles: u.roles, dideducId, delegatedRoles: [] };
  };
  await user("citizen", ["CITIZEN"], null);
  await user("reviewerGN", ["DIDEDUC_REVIEWER"], gn);
  await user("directorGN", ["DIDEDUC_SIGNER"], gn);
  await user("directorXela", ["DIDEDUC_SIGNER"], xela);
  await user("assistant", ["CENTRAL_ASSISTANT"], null);
  await user("coordinator", ["CENTRAL_COORDINATOR"], null);
  await user("manager", ["CENTRAL_MANAGER"], null);

  let seq = 0;
  // `path`: the transitions [state entered, month, day], the first one being the submission.
  const place = async (procedure: Procedure, dideducId: string | null, path: [CaseState, number, number][], opts: { closed?: boolean } = {}) => {
    seq += 1;
    const [first] = path;
    const last = path[path.length - 1];
    const state = last[0];
    const c = await db.case.create({
      data: {
        number: `ZZ-2026-${String(seq).padStart(6, "0")}`,
        procedure,
        state,
        applicantId: users.citizen.id,
        dideducId,
        submittedAt: at(first[1], first[2]),
        createdAt: at(first[1], first[2]),
        closedAt: opts.closed ? at(last[1], last[2]) : null,
        issuedAt: state === "ISSUED" ? at(last[1], last[2]) : null,
      },
    });
    // Each state change with the context transition() writes: when the state it leaves was entered.
    let from: CaseState = "DRAFT";
    let entered: Date | null = null;
    for (const [to, m, d] of path) {
      const createdAt = at(m, d);
      await appendAuditEvent(db, { data: { caseId: c.id, action: "test", fromState: from, toState: to, createdAt, stageEnteredAt: entered, procedure, dideducId } });
      from = to;
      entered = createdAt;
    }
    return c;
  };
  // A: issued in May (review 2 d, signature 1 d, central 4 d).
  await place("EDUCATIONAL_RECORD", gn, [["DIDEDUC_REVIEW", 5, 3], ["DIDEDUC_SIGNATURE", 5, 5], ["CENTRAL_REVIEW", 5, 6], ["ISSUED", 5, 10]], { closed: true });
  // B: sent for correction (review 4 d, correction 10 d), reviewed again 2 d, rejected in May.
  await place("EDUCATIONAL_RECORD", gn, [["DIDEDUC_REVIEW", 5, 4], ["NEEDS_CORRECTION", 5, 8], ["DIDEDUC_REVIEW", 5, 18], ["REJECTED", 5, 20]], { closed: true });
  // C: D.2.1, reviewed 6 d, waiting for the director's signature since June 7.
  await place("DIPLOMA_BEFORE_2005", gn, [["DIDEDUC_REVIEW", 6, 1], ["DIDEDUC_SIGNATURE", 6, 7]]);
  // D: Quetzaltenango, review 8 d, signature 1 d, central 21 d: issued after the period (July 2).
  await place("EDUCATIONAL_RECORD", xela, [["DIDEDUC_REVIEW", 6, 2], ["DIDEDUC_SIGNATURE", 6, 10], ["CENTRAL_REVIEW", 6, 11], ["ISSUED", 7, 2]], { closed: true });
  // E: submitted in April, sent for correction on May 2, still with its applicant.
  await place("EDUCATIONAL_RECORD", gn, [["DIDEDUC_REVIEW", 4, 10], ["NEEDS_CORRECTION", 5, 2]]);
  // F: a sworn translation (no DIDEDUC), rejected after 1 d in June.
  await place("SWORN_TRANSLATION", null, [["CENTRAL_REVIEW", 6, 15], ["REJECTED", 6, 16]], { closed: true });
  // G: issued in March, before the period.
  await place("EDUCATIONAL_RECORD", gn, [["DIDEDUC_REVIEW", 3, 1], ["DIDEDUC_SIGNATURE", 3, 5], ["CENTRAL_REVIEW", 3, 6], ["ISSUED", 3, 20]], { closed: true });
  // I: submitted on July 12, after the period: only in today's backlog.
  await place("EDUCATIONAL_RECORD", gn, [["DIDEDUC_REVIEW", 7, 12]]);
  // A draft: never counted.
  await db.case.create({ data: { number: "ZZ-2026-999999", procedure: "EDUCATIONAL_RECORD", applicantId: users.citizen.id, dideducId: gn, createdAt: at(5, 5) } });
  return { gn, xela, users };
}
