import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { resolveDatabaseTarget, type TDatabaseTarget } from "./database-url";

export type TAdapterHandle = {
  target: TDatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  // PGlite is not closed by $disconnect(); scripts hang unless they close it.
  close: () => Promise<void>;
};

export function createAdapterFactory(url?: string): TAdapterHandle {
  const target = resolveDatabaseTarget(url);
  if (target.kind === "postgres") {
    const factory = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return { target, factory, close: async () => {} };
  }
  fs.mkdirSync(path.dirname(target.dir), { recursive: true });
  // PGlite queues queries until it is ready, so construction can stay synchronous.
  const client = new PGlite(target.dir);
  return { target, factory: new PrismaPGlite(client), close: () => client.close() };
}
