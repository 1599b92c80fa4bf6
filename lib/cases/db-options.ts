import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Tests pass their own database; the app uses its own, imported lazily so tests never open it.
export type TDbOptions = { db?: PrismaClient };

export async function dbOf(...candidates: (TDbOptions | undefined)[]): Promise<PrismaClient> {
  for (const c of candidates) if (c?.db) return c.db;
  return (await import("@/lib/db")).db;
}
