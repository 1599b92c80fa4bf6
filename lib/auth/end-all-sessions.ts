import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// Ends every session of the account, on every device: each token carries the session version it
// was issued under, and getActor refuses one whose version is no longer the account's. Returns the
// new version. Takes a transaction client, so a change that must end sessions (password, roles,
// office, active flag, second factor reset) does both or neither.
export async function endAllSessions(userId: string, options: { db?: PrismaClient | Prisma.TransactionClient } = {}): Promise<number> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const { sessionVersion } = await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return sessionVersion;
}
