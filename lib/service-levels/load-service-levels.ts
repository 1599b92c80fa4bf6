import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { holidaySet, type TIsoDate } from "./business-days";
import { targetKey } from "./service-level-stages";

export { targetKey };

export type TServiceLevels = {
  // Business days per "PROCEDURE:STATE".
  targets: ReadonlyMap<string, number>;
  holidays: ReadonlySet<TIsoDate>;
};

// Every target and holiday, once per request: two small tables (a few dozen rows each), so a
// queue page computes each row's status in memory instead of one query per row.
export async function loadServiceLevels(client?: PrismaClient): Promise<TServiceLevels> {
  const db = client ?? (await import("@/lib/db")).db;
  const [targets, holidays] = await Promise.all([
    db.serviceLevelTarget.findMany({ select: { procedure: true, state: true, businessDays: true } }),
    db.holiday.findMany({ select: { date: true } }),
  ]);
  return {
    targets: new Map(targets.map((t) => [targetKey(t.procedure, t.state), t.businessDays])),
    holidays: holidaySet(holidays.map((h) => h.date.toISOString().slice(0, 10))),
  };
}
