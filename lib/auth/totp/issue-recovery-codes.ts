import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "../hash-password";
import { generateRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-code-format";

// The recovery codes of a just-enrolled account, in plain text for the one screen that shows them.
// Only for an account that has none (a new enrolment, or the first after an administrator's reset,
// which deletes them): null otherwise, so nobody can mint fresh codes for an enrolled account.
export async function issueRecoveryCodes(userId: string, options: { db?: PrismaClient } = {}): Promise<string[] | null> {
  const db = options.db ?? (await import("@/lib/db")).db;
  if ((await db.recoveryCode.count({ where: { userId } })) > 0) return null;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  // argon2 outside the transaction: it is slow on purpose.
  const hashes = await Promise.all(codes.map((c) => hashPassword(normalizeRecoveryCode(c)!)));
  const created = await db.$transaction(async (tx) => {
    // The account row locked: two simultaneous calls cannot both find no codes.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if ((await tx.recoveryCode.count({ where: { userId } })) > 0) return false;
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
    return true;
  });
  return created ? codes : null;
}
