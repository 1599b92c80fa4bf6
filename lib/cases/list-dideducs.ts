import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dbOf, type TDbOptions } from "./db-options";

// The 26 DIDEDUCs for the form's select, by name.
export async function listDideducs(input: { db?: PrismaClient } = {}, options: TDbOptions = {}) {
  const db = await dbOf(options, input);
  return db.dideduc.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, code: true } });
}
