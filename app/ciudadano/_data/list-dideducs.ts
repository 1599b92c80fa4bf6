import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The 26 DIDEDUCs for the form's select, by name. (isPlaceholder marks demo contact data, not an
// office that does not exist: every one is listed.)
export async function listDideducs(input: { db?: PrismaClient } = {}) {
  const db = input.db ?? (await import("@/lib/db")).db;
  return db.dideduc.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, code: true } });
}
