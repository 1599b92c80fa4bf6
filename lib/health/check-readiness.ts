import fs from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FileStorage } from "@/lib/storage/file-storage";
import type { LocalDiskStorage } from "@/lib/storage/local-disk-storage";

// Readiness for a load balancer's probe (GET /api/salud/lista): can this instance serve? The
// database answers a trivial query, the file storage is usable, and every migration folder of this
// build is recorded as applied (an instance of a newer build on an older schema must not get
// traffic). Cheap enough to run every few seconds: one query, one readdir, one access(); no request
// to UploadThing (its token is checked for presence only). The answer names no host, path, user
// or secret: it is public.

export type TCheck = { ok: boolean; detail?: string };
export type TReadiness = {
  ready: boolean;
  checks: { database: TCheck; storage: TCheck & { kind: FileStorage["name"] }; migrations: TCheck & { pending?: number } };
};

export type TReadinessDeps = {
  db: Pick<PrismaClient, "$queryRawUnsafe">;
  storage: FileStorage;
  migrationsDir?: string;
  env?: Record<string, string | undefined>;
  // A database that does not answer within this is not ready (a hung connection must not hang the
  // probe). READINESS_TIMEOUT_MS, else 3 s: below the usual probe timeout of load balancers (5 s).
  // The first probe of a freshly started instance may exceed it while the database client starts;
  // the balancer's next probe then finds it ready.
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 3_000;

function timeoutFrom(env: Record<string, string | undefined>): number {
  const ms = Number(env.READINESS_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
}

export async function checkReadiness(deps: TReadinessDeps): Promise<TReadiness> {
  const timeoutMs = deps.timeoutMs ?? timeoutFrom(deps.env ?? process.env);
  const [database, migrations, storage] = await Promise.all([
    withTimeout(checkDatabase(deps.db), timeoutMs),
    withTimeout(checkMigrations(deps.db, deps.migrationsDir ?? defaultMigrationsDir()), timeoutMs),
    withTimeout(checkStorage(deps.storage, deps.env ?? process.env), timeoutMs),
  ]);
  return {
    ready: database.ok && migrations.ok && storage.ok,
    checks: { database, storage: { kind: deps.storage.name, ...storage }, migrations },
  };
}

function defaultMigrationsDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations");
}

async function checkDatabase(db: TReadinessDeps["db"]): Promise<TCheck> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true };
  } catch {
    return { ok: false, detail: "la base de datos no responde" };
  }
}

// As lib/db/apply-migrations.ts records them: Prisma's `_prisma_migrations`, one finished row per folder.
async function checkMigrations(db: TReadinessDeps["db"], dir: string): Promise<TCheck & { pending?: number }> {
  let folders: string[];
  try {
    folders = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return { ok: false, detail: "no se encontró la carpeta de migraciones" };
  }
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = folders.filter((f) => !applied.has(f)).length;
    return pending === 0 ? { ok: true, pending } : { ok: false, pending, detail: "hay migraciones sin aplicar (npm run db:migrate)" };
  } catch {
    return { ok: false, detail: "no se pudo leer el registro de migraciones" };
  }
}

async function checkStorage(storage: FileStorage, env: Record<string, string | undefined>): Promise<TCheck> {
  // By name, not instanceof: the server bundle may hold more than one copy of the class.
  if (storage.name === "local-disk") {
    const disk = storage as LocalDiskStorage;
    try {
      // Where puts write first (lib/storage/local-disk-storage.ts); created as a put would.
      await fs.mkdir(disk.tmpDir, { recursive: true });
      await fs.access(disk.tmpDir, fs.constants.W_OK);
      await fs.access(disk.root, fs.constants.W_OK);
      return { ok: true };
    } catch {
      return { ok: false, detail: "no se puede escribir en la carpeta de archivos" };
    }
  }
  return env.UPLOADTHING_TOKEN?.trim() ? { ok: true } : { ok: false, detail: "falta UPLOADTHING_TOKEN" };
}

function withTimeout(check: Promise<TCheck>, ms: number): Promise<TCheck> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<TCheck>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: "sin respuesta a tiempo" }), ms);
    timer.unref();
  });
  return Promise.race([check, late]).finally(() => clearTimeout(timer));
}
