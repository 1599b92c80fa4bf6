import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_IDLE_MINUTES } from "./assignment-rule";

// The administration's idle time for "Tomar", from the database so every server instance agrees.
export async function findIdleMinutes(db: PrismaClient | Prisma.TransactionClient): Promise<number> {
  const row = await db.assignmentPolicy.findUnique({ where: { id: "default" }, select: { idleMinutes: true } });
  return row?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
}
