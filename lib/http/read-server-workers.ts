import { resolveDatabaseTarget } from "@/lib/db/database-url";

// SERVER_WORKERS: how many server processes one `scripts/serve.mts` runs on this machine, sharing
// its port (node:cluster). One Node.js process renders pages on one core; a machine with two cores
// serves about 1.5× as many verification pages with two (docs/decisions/0035). 1, the default, is
// the single process every earlier version ran. The workers are instances like those on other
// machines (nothing they must agree on lives in memory, issue #15 §1), so more than one needs
// PostgreSQL: the embedded database admits one server process. Refused when not a whole number
// from 1 to 64, or above 1 on the embedded database.
export const MAX_SERVER_WORKERS = 64;

export type TServerWorkers = { ok: true; workers: number } | { ok: false; message: string };

export function readServerWorkers(env: Record<string, string | undefined> = process.env): TServerWorkers {
  const raw = env.SERVER_WORKERS?.trim();
  if (!raw) return { ok: true, workers: 1 };
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_SERVER_WORKERS) {
    return { ok: false, message: `SERVER_WORKERS debe ser un número entero de 1 a ${MAX_SERVER_WORKERS} (procesos del servidor en esta máquina, uno por núcleo); es «${raw.slice(0, 20)}».` };
  }
  const workers = Number(raw);
  let database: ReturnType<typeof resolveDatabaseTarget>;
  try {
    database = resolveDatabaseTarget(env.DATABASE_URL);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  if (workers > 1 && database.kind !== "postgres") {
    return { ok: false, message: "SERVER_WORKERS mayor que 1 necesita PostgreSQL (DATABASE_URL=postgresql://…): la base embebida admite un solo proceso del servidor." };
  }
  return { ok: true, workers };
}
