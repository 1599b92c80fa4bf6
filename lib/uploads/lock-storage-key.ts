import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// An arbitrary class id for pg_advisory_xact_lock(int, int), so these locks share no number with
// any other advisory lock the application may take.
const STORAGE_KEY_LOCK_CLASS = 0x55504c44;

// Serializes, across server instances, the two things that must not interleave for one stored
// blob: an upload that finds the bytes already stored and adds a row pointing at them, and the
// sweep that sees no row pointing at them and deletes them. Held until the transaction ends.
export async function lockStorageKey(tx: Pick<PrismaClient, "$executeRaw">, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORAGE_KEY_LOCK_CLASS}::int, hashtext(${key}))`;
}
