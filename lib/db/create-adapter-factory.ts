import fs from "node:fs";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { resolveDatabaseTarget, type TDatabaseTarget } from "./database-url";

export type TAdapterHandle = {
  target: TDatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  // PGlite is not closed by $disconnect(); scripts hang unless they close it.
  close: () => Promise<void>;
};

export async function createAdapterFactory(url?: string): Promise<TAdapterHandle> {
  const target = resolveDatabaseTarget(url);
  if (target.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const factory = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return { target, factory, close: async () => {} };
  }
  fs.mkdirSync(path.dirname(target.dir), { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const client = new PGlite(target.dir);
  await client.waitReady;
  return { target, factory: new PrismaPGlite(client), close: () => client.close() };
}
