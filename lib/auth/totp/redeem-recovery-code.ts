import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "../hash-password";
import { normalizeRecoveryCode } from "./recovery-code-format";

// Spends one of the account's unused recovery codes if `input` is one of them. Marked used with a
// conditional update, so the same code sent twice at once lets only one of them in.
export async function redeemRecoveryCode(userId: string, input: string, options: { db: PrismaClient; now: Date }): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  const unused = await options.db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const row of unused) {
    if (!(await verifyPassword(row.codeHash, code))) continue;
    const spent = await options.db.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: options.now } });
    return spent.count === 1;
  }
  return false;
}
