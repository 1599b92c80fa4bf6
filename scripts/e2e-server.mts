// The server Playwright tests run against: a production build on a fresh database (a real
// PostgreSQL when TEST_DATABASE_URL is set, else a fresh embedded PGlite), seeded with demo data
// and the demo cases.
import { spawn } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { applyMigrations } from "../lib/db/apply-migrations";
import { createPrisma } from "../lib/db/create-prisma";
import { startPkiServices } from "../lib/pki/services/start-pki-services";
import type { TPkiServices } from "../lib/pki/services/types";
import { seedDatabase } from "../prisma/seed/seed-database";
import { serverEnv, serverNodeArgs } from "./server-command.mjs";

const port = process.env.E2E_PORT ?? "3210";
// Per port, so that two runs on one machine do not share a database or files.
const dbName = port === "3210" ? "certifica_e2e" : `certifica_e2e_${port}`;
const dataDir = port === "3210" ? ".data/e2e" : `.data/e2e-${port}`;
let databaseUrl: string;
if (process.env.TEST_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(process.env.TEST_DATABASE_URL);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
} else {
  fs.rmSync(`${dataDir}/pglite`, { recursive: true, force: true });
  databaseUrl = `pglite:${dataDir}/pglite`;
}
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  PKI_DIR: process.env.PKI_DIR ?? `${dataDir}/pki`,
  STORAGE_DIR: `${dataDir}/files`,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
  APP_BASE_URL: `http://localhost:${port}`,
  NODE_ENV: "production",
  // Warnings and errors only: a line per request (docs/deployment/ops.md) would bury Playwright's
  // report under thousands of lines.
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};
fs.rmSync(`${dataDir}/files`, { recursive: true, force: true });
// The seed runs in this process and writes the demo cases' files and QR codes: same storage,
// PKI and public address as the server below.
// AUTH_SECRET too: the seed encrypts the demo staff's second-factor secrets with a key the server
// must derive the same way.
Object.assign(process.env, { PKI_DIR: env.PKI_DIR, STORAGE_DIR: env.STORAGE_DIR, APP_BASE_URL: env.APP_BASE_URL, AUTH_SECRET: env.AUTH_SECRET });

// Without TSA_URL, the demo PKI's TSA, OCSP responder and CRL (lib/pki/services) on any free port,
// as `npm start` runs them: before the seed, whose certificates name their address; the seed (in
// this process) and the server timestamp against them; they stop with the server.
let pkiServices: TPkiServices | null = null;
if (!env.TSA_URL?.trim()) {
  pkiServices = await startPkiServices({ pkiDir: env.PKI_DIR!, port: 0 });
  env.TSA_URL = process.env.TSA_URL = pkiServices.tsaUrl;
  for (const e of [env, process.env]) {
    delete e.TSA_USERNAME;
    delete e.TSA_PASSWORD;
  }
  console.log(`PKI de demostración: TSA ${pkiServices.tsaUrl} · OCSP ${pkiServices.ocspUrl} · CRL ${pkiServices.crlUrl}`);
}

const { prisma, handle, close } = createPrisma(databaseUrl);
await applyMigrations(handle.factory);
// With the demo cases, as `npm start` seeds: the tests find their own cases by unique names and
// case ids, and the verification spec opens the seed's issued certification.
await seedDatabase(prisma, { log: () => {}, demoCases: true, servicesBaseUrl: pkiServices?.baseUrl });
await close();

// The production server (scripts/serve.mts), as `npm start` runs it: the client's address comes from
// the socket, so a test can check that a forged X-Forwarded-For changes nothing.
const server = spawn(process.execPath, serverNodeArgs(env), { stdio: "inherit", env: serverEnv({ ...env, PORT: port }) });
// A second instance of the same build on the next port, with the same database, storage, secret
// and public address, as two machines behind a load balancer (issue #15 §1,
// e2e/two-instances.spec.ts). Idle unless a test talks to it.
const secondPort = process.env.E2E_SECOND_PORT ?? String(Number(port) + 1);
const second = spawn(process.execPath, serverNodeArgs(env), { stdio: "inherit", env: serverEnv({ ...env, PORT: secondPort }) });
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    second.kill(sig);
    server.kill(sig);
  });
second.on("exit", (code) => {
  if (code) console.error(`La segunda instancia (puerto ${secondPort}) terminó con el código ${code}.`);
});
server.on("exit", (code) => {
  second.kill("SIGTERM");
  void (pkiServices?.close() ?? Promise.resolve()).finally(() => process.exit(code ?? 0));
});
