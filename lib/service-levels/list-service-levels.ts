import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { getDefinition } from "@/lib/workflow/definitions";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { listServiceLevelStages } from "./service-level-stages";

export type TServiceLevelRow = { procedure: Procedure; procedureCode: string; procedureLabel: string; state: CaseState; stateLabel: string; businessDays: number | null };
export type THolidayRow = { id: string; date: string; name: string; halfDay: boolean };

// What /admin/plazos shows: every stage that can carry a target (with its target or none), and
// every holiday, oldest first.
export async function listServiceLevels(options: { db?: PrismaClient } = {}): Promise<{ targets: TServiceLevelRow[]; holidays: THolidayRow[] }> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const [targets, holidays] = await Promise.all([db.serviceLevelTarget.findMany(), db.holiday.findMany({ orderBy: { date: "asc" } })]);
  const days = new Map(targets.map((t) => [`${t.procedure}:${t.state}`, t.businessDays]));
  return {
    targets: listServiceLevelStages().map(({ procedure, state }) => {
      const def = getDefinition(procedure);
      return { procedure, procedureCode: def.code, procedureLabel: def.label, state, stateLabel: STATE_LABELS[state], businessDays: days.get(`${procedure}:${state}`) ?? null };
    }),
    holidays: holidays.map((h) => ({ id: h.id, date: h.date.toISOString().slice(0, 10), name: h.name, halfDay: h.halfDay })),
  };
}
