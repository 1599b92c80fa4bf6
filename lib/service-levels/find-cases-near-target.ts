import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { serviceLevelStatus, type TServiceLevelStatus } from "./business-days";
import { loadServiceLevels, type TServiceLevels } from "./load-service-levels";

export { serviceLevelStatus };

export type TCaseNearTarget = {
  id: string;
  number: string;
  procedure: Procedure;
  state: CaseState;
  dideducId: string | null;
  stageSince: Date;
  status: TServiceLevelStatus;
};

export type TFindCasesNearTargetInput = {
  // One DIDEDUC's cases; absent: every DIDEDUC's (the central office's view).
  dideducId?: string | null;
  // Narrows to these stages (e.g. those a person acts on); absent: every stage with a target.
  stages?: readonly { procedure: Procedure; state: CaseState }[];
  now?: Date;
  limit?: number;
  // Already loaded by the caller (once per request or run).
  serviceLevels?: TServiceLevels;
};

const DAY_MS = 24 * 3600 * 1000;

// The latest instant a stage may have started and still be "Por vencer" or "Vencida" now: the end
// (in Guatemala) of the latest calendar day whose status is not on time. The status only worsens
// the earlier a stage started, so one cutoff per target turns the rule into a range on time.
function cutoffFor(target: number, holidays: TServiceLevels["holidays"], now: Date): Date | null {
  // Walking back a day at a time: at most target + the weekends and holidays in between.
  for (let back = 0; back < 3 * target + 60; back++) {
    const start = new Date(now.getTime() - back * DAY_MS);
    const s = serviceLevelStatus(start, target, holidays, now);
    if (s && s.state !== "ON_TIME") {
      const local = new Date(start.getTime() - 6 * 3600 * 1000).toISOString().slice(0, 10);
      // Midnight after that day in Guatemala (UTC−6) is 06:00 UTC of the next day.
      return new Date(Date.parse(`${local}T06:00:00Z`) + DAY_MS);
    }
  }
  return null;
}

// Cases "Por vencer" or "Vencida" right now, most overdue first: for the staff digest and the
// dashboard (issue #14). The stage's start is the latest audit event of a transition into the
// case's state, as the queues show it (lib/cases/list-case-queue.ts). One query per target with
// the cutoff on time, on the (caseId, createdAt) index of AuditEvent; a daily run, not a page load.
export async function findCasesNearTarget(db: PrismaClient, input: TFindCasesNearTargetInput = {}): Promise<TCaseNearTarget[]> {
  const now = input.now ?? new Date();
  const levels = input.serviceLevels ?? (await loadServiceLevels(db));
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 500), 1), 5000);
  const out: TCaseNearTarget[] = [];
  for (const [key, target] of levels.targets) {
    const [procedure, state] = key.split(":") as [Procedure, CaseState];
    if (input.stages && !input.stages.some((s) => s.procedure === procedure && s.state === state)) continue;
    const cutoff = cutoffFor(target, levels.holidays, now);
    if (!cutoff) continue;
    const office = input.dideducId ? Prisma.sql`AND c."dideducId" = ${input.dideducId}` : Prisma.empty;
    const rows = await db.$queryRaw<{ id: string; number: string; dideducId: string | null; since: Date }[]>`
      SELECT c."id", c."number", c."dideducId", s."since"
      FROM "Case" c
      CROSS JOIN LATERAL (
        SELECT max(e."createdAt") AS "since" FROM "AuditEvent" e WHERE e."caseId" = c."id" AND e."toState" = c."state"
      ) s
      WHERE c."procedure" = ${procedure}::"Procedure" AND c."state" = ${state}::"CaseState" ${office}
        AND s."since" < ${cutoff}
      ORDER BY s."since" ASC
      LIMIT ${limit}`;
    for (const r of rows) {
      const status = serviceLevelStatus(r.since, target, levels.holidays, now);
      if (status && status.state !== "ON_TIME") out.push({ id: r.id, number: r.number, procedure, state, dideducId: r.dideducId, stageSince: r.since, status });
    }
  }
  return out.sort((a, b) => a.status.dueDate.localeCompare(b.status.dueDate) || a.stageSince.getTime() - b.stageSince.getTime()).slice(0, limit);
}
