// The server Playwright tests run against: a production build on a fresh database (a real
// PostgreSQL when TEST_DATABASE_URL is set, else a fresh embedded PGlite), seeded with demo data.
import { spawn } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { applyMigrations } from "../lib/db/apply-migrations";
import { createPrisma } from "../lib/db/create-prisma";
import { seedDatabase } from "../prisma/seed/seed-database";

const port = process.env.E2E_PORT ?? "3210";
let databaseUrl: string;
if (process.env.TEST_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS certifica_e2e WITH (FORCE)");
  await admin.query("CREATE DATABASE certifica_e2e");
  await admin.end();
  const u = new URL(process.env.TEST_DATABASE_URL);
  u.pathname = "/certifica_e2e";
  databaseUrl = u.toString();
} else {
  fs.rmSync(".data/e2e-pglite", { recursive: true, force: true });
  databaseUrl = "pglite:.data/e2e-pglite";
}
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  PKI_DIR: process.env.PKI_DIR ?? ".data/e2e-pki",
  STORAGE_DIR: ".data/e2e-files",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
  APP_BASE_URL: `http://localhost:${port}`,
  NODE_ENV: "production",
};
fs.rmSync(".data/e2e-files", { recursive: true, force: true });
Object.assign(process.env, { PKI_DIR: env.PKI_DIR });

const { prisma, handle, close } = createPrisma(databaseUrl);
await applyMigrations(handle.factory);
await seedDatabase(prisma, { log: () => {} });
await close();

const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
