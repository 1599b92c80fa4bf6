import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Tests pass their own database; the app uses its own (imported lazily so tests never open it).
export type TDataOptions = { db?: PrismaClient };

export async function dbOf(options: TDataOptions): Promise<PrismaClient> {
  return options.db ?? (await import("@/lib/db")).db;
}
