import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { createPrisma } from "./db/create-prisma";

// One client per server process; dev reloads would otherwise open a new PGlite on the same dir.
const globalForDb = globalThis as unknown as { certificaDb?: PrismaClient };

export const db: PrismaClient = globalForDb.certificaDb ?? createPrisma().prisma;
globalForDb.certificaDb = db;
