import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dbOf, type TDbOptions } from "./db-options";

// The name of a DIDEDUC named inside a case's form data (D.4 keeps it there, not on the case).
export async function findDideducName(input: { dideducId: string | null | undefined; db?: PrismaClient }, options: TDbOptions = {}): Promise<string | null> {
  if (!input.dideducId) return null;
  const db = await dbOf(options, input);
  const row = await db.dideduc.findUnique({ where: { id: input.dideducId }, select: { name: true } });
  return row?.name ?? null;
}
