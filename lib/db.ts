import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { createPrisma } from "./db/create-prisma";
import { registerServerDatabaseCloser } from "./db/close-server-database";

// One client per server process; dev reloads would otherwise open a new PGlite on the same dir.
const globalForDb = globalThis as unknown as { certificaDb?: PrismaClient };

function openDatabase(): PrismaClient {
  const { prisma, close } = createPrisma();
  // scripts/serve.mts closes it on SIGTERM, once the requests in flight are done.
  registerServerDatabaseCloser(close);
  return prisma;
}

export const db: PrismaClient = globalForDb.certificaDb ?? openDatabase();
globalForDb.certificaDb = db;
