import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPasswordResetToken, isWellFormedPasswordResetToken } from "./password-reset-policy";

export type TPasswordResetView = { status: "VALID"; email: string } | { status: "INVALID" } | { status: "EXPIRED" };

// What the reset page shows before the person types the new password (reads only: opening the link,
// as mail scanners do, spends nothing). A used link, or one of an account deactivated since, is INVALID.
export async function readPasswordReset(token: unknown, options: { db?: PrismaClient; now?: Date } = {}): Promise<TPasswordResetView> {
  if (!isWellFormedPasswordResetToken(token)) return { status: "INVALID" };
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashPasswordResetToken(token) }, include: { user: { select: { email: true, active: true } } } });
  if (!reset || reset.usedAt || !reset.user.active) return { status: "INVALID" };
  if (reset.expiresAt <= now) return { status: "EXPIRED" };
  return { status: "VALID", email: reset.user.email };
}
