import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashRegistrationToken, isWellFormedRegistrationToken } from "./registration-policy";

export type TPendingRegistrationView =
  | { status: "VALID"; name: string; email: string; isTranslator: boolean }
  | { status: "INVALID" }
  | { status: "EXPIRED" };

// What the confirmation page shows before the person confirms (reads only: opening the link,
// as mail scanners do, spends nothing). Only the holder of the link sees the name and address
// they typed themselves.
export async function readPendingRegistration(token: unknown, options: { db?: PrismaClient; now?: Date } = {}): Promise<TPendingRegistrationView> {
  if (!isWellFormedRegistrationToken(token)) return { status: "INVALID" };
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const pending = await db.pendingRegistration.findUnique({ where: { tokenHash: hashRegistrationToken(token) } });
  if (!pending) return { status: "INVALID" };
  if (pending.expiresAt <= now) return { status: "EXPIRED" };
  return { status: "VALID", name: pending.name, email: pending.email, isTranslator: pending.isTranslator };
}
