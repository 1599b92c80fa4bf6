import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// An arbitrary class id for pg_advisory_xact_lock(int, int) ("AUDT"), distinct from the storage
// keys' class (lib/uploads/lock-storage-key.ts), so the chain's lock shares no number with another.
const AUDIT_CHAIN_LOCK_CLASS = 0x41554454;

// One lock per installation: the chain has one head, so its appends are serialized. Transaction
// scoped (released at commit or rollback), in the database, so it holds across server instances.
export async function lockAuditChain(tx: Pick<PrismaClient, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_CLASS}::int, 0)`;
}
