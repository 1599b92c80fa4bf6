import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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
    // Our own pool so close() really disconnects: a lingering idle connection keeps a template
    // database busy and blocks CREATE DATABASE … TEMPLATE.
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // An idle connection the server terminates (restart, DROP DATABASE … FORCE) must not crash
    // the process; the pool replaces it on the next query.
    pool.on("error", (err: Error & { code?: string }) => {
      if (err.code !== "57P01") console.error("[db] conexión inactiva perdida:", err.message);
    });
    const factory = new PrismaPg(pool);
    return { target, factory, close: () => pool.end() };
  }
  fs.mkdirSync(path.dirname(target.dir), { recursive: true });
  // PGlite queues queries until it is ready, so construction can stay synchronous.
  const client = new PGlite(target.dir);
  return { target, factory: new PrismaPGlite(client), close: () => client.close() };
}
