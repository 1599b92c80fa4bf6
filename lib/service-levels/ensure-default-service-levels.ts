import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_TARGET_DAYS, GUATEMALA_HOLIDAYS } from "./default-service-levels";
import { listServiceLevelStages } from "./service-level-stages";

// The proposed targets and Guatemala's official holidays (decision 0022), only where missing, so an
// administrator's changes survive a re-seed; a stage whose target the administrator removed gets
// the default back. For the demo seed and the benchmarks, never for a running installation.
export async function ensureDefaultServiceLevels(db: PrismaClient | Prisma.TransactionClient): Promise<void> {
  for (const { procedure, state } of listServiceLevelStages()) {
    const businessDays = DEFAULT_TARGET_DAYS[state];
    if (businessDays) await db.serviceLevelTarget.upsert({ where: { procedure_state: { procedure, state } }, create: { procedure, state, businessDays }, update: {} });
  }
  for (const h of GUATEMALA_HOLIDAYS) {
    const date = new Date(`${h.date}T00:00:00Z`);
    await db.holiday.upsert({ where: { date }, create: { date, name: h.name, halfDay: h.halfDay ?? false }, update: {} });
  }
}
