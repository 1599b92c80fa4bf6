import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { log } from "../log";
import { resolveDatabaseTarget, type TDatabaseTarget } from "./database-url";
import { lockDatabaseDir } from "./lock-database-dir";

export type TAdapterHandle = {
  target: TDatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  // PGlite is not closed by $disconnect(); scripts hang unless they close it.
  close: () => Promise<void>;
  // Opens the embedded database now (taking its lock, or throwing DatabaseDirLockedError) instead
  // of at the first query, where Prisma's engines would wrap the refusal; a server needs nothing.
  claim: () => void;
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
      if (err.code !== "57P01") log.warn("idle database connection lost", { error: err });
    });
    const factory = new PrismaPg(pool);
    return { target, factory, close: () => pool.end(), claim: () => {} };
  }
  return openPGliteLazily(target);
}

// PGlite opens its folder (and we take its lock) at the first query, not when the module that
// creates the client is loaded: `next build` loads route modules to collect page data and must
// neither create nor lock the database.
function openPGliteLazily(target: Extract<TDatabaseTarget, { kind: "pglite" }>): TAdapterHandle {
  let opened: { client: PGlite; factory: PrismaPGlite; release: () => void } | null = null;
  const open = () => {
    if (opened) return opened;
    fs.mkdirSync(path.dirname(target.dir), { recursive: true });
    const release = lockDatabaseDir(target.dir);
    try {
      // pg_trgm: the queues' search by any part of a case number (migration queue_indexes).
      const client = new PGlite(target.dir, { extensions: { pg_trgm } });
      opened = { client, factory: new PrismaPGlite(client), release };
    } catch (error) {
      release();
      throw error;
    }
    return opened;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: async () => open().factory.connect(),
    connectToShadowDb: async () => open().factory.connectToShadowDb(),
  };
  return {
    target,
    factory,
    claim: () => void open(),
    close: async () => {
      if (!opened) return;
      const { client, release } = opened;
      opened = null;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
