import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The DIDEDUC a staff member belongs to, for headings ("Dirección Departamental de … ").
export async function findActorOffice(dideducId: string | null, options: { db?: PrismaClient } = {}): Promise<{ name: string; isPlaceholder: boolean } | null> {
  if (!dideducId) return null;
  const db = options.db ?? (await import("@/lib/db")).db;
  return db.dideduc.findUnique({ where: { id: dideducId }, select: { name: true, isPlaceholder: true } });
}
