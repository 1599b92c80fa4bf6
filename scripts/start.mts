// `npm start`: the whole app on this machine with nothing to configure. Applies migrations,
// seeds demo data (accounts, PKI, registries and demo cases walked through the real workflow)
// into an empty database, builds when the sources changed, starts `next start`
// and prints the URL and the demo accounts. DATABASE_URL unset → embedded PGlite under .data/.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/apply-migrations";
import { BUILD_STAMP_FILE, sourceStamp } from "./build-stamp";
import { claimDatabaseOrExit } from "../lib/db/claim-database-or-exit";
import { createPrisma } from "../lib/db/create-prisma";
import { handOverDatabaseDirLock, lockDatabaseDir } from "../lib/db/lock-database-dir";
import { describeDatabaseTarget } from "../lib/db/database-url";
import { isDatabaseEmpty, seedDatabase } from "../prisma/seed/seed-database";
import { DEFAULT_PKI_SERVICES_PORT, DEMO_ACCOUNTS, DEMO_CERTIFICATES, resolvePkiDir } from "../prisma/seed/demo-accounts";
import { readRevocationPointers } from "../lib/pki/read-revocation-pointers";
import { startPkiServices } from "../lib/pki/services/start-pki-services";
import { pkiServiceUrls, type TPkiServices } from "../lib/pki/services/types";
import { formatDemoSecondFactor } from "../prisma/seed/format-demo-accounts";
import { findIssuedDemoCases, type TIssuedDemoCase } from "../prisma/seed/issued-demo-cases";

const port = Number(process.env.PORT ?? 3000);
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_ENV: "production" };

fs.mkdirSync(".data", { recursive: true });
if (!env.AUTH_SECRET) {
  // A demo install needs no configuration; production sets AUTH_SECRET explicitly.
  const file = ".data/auth-secret";
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
env.APP_BASE_URL ??= `http://localhost:${port}`;
// The seed runs in this process: the demo certifications' QR codes must print the address the
// server will answer on.
process.env.APP_BASE_URL = env.APP_BASE_URL;

// 0. Trusted timestamps: without TSA_URL (the demo), the demo PKI's own TSA, OCSP responder and CRL
// on 127.0.0.1 (lib/pki/services), started before the seed because the certificates it issues
// name their address. They run in this process and stop with the server. Production sets TSA_URL
// (an accredited TSA) and runs none of this.
let pkiServices: TPkiServices | null = null;
if (!env.TSA_URL?.trim()) {
  const servicesPort = Number(env.PKI_SERVICES_PORT || DEFAULT_PKI_SERVICES_PORT);
  try {
    pkiServices = await startPkiServices({ pkiDir: resolvePkiDir(env.PKI_DIR), port: servicesPort });
  } catch (e) {
    console.error(
      `No se pudieron iniciar los servicios de la PKI de demostración en 127.0.0.1:${servicesPort} (${(e as Error).message}). ` +
        "Libere ese puerto, elija otro con PKI_SERVICES_PORT, o configure una TSA con TSA_URL.",
    );
    process.exit(1);
  }
  env.TSA_URL = pkiServices.tsaUrl;
  delete env.TSA_USERNAME;
  delete env.TSA_PASSWORD;
  // The seed signs the demo cases in this process.
  process.env.TSA_URL = env.TSA_URL;
  delete process.env.TSA_USERNAME;
  delete process.env.TSA_PASSWORD;
}

// 1. Database: migrate and seed, then close it for the server to open. Another `npm start` (or a
// script) with the embedded database open: say so and touch nothing.
const { prisma, handle, close } = createPrisma(env.DATABASE_URL);
claimDatabaseOrExit(handle);
// The embedded database's lock stays with this script past close(), through the build, until the
// server takes it over (3.): a script started in between would otherwise open the database first.
const embeddedDir = handle.target.kind === "pglite" ? handle.target.dir : null;
if (embeddedDir) lockDatabaseDir(embeddedDir);
let issuedDemoCases: TIssuedDemoCase[] = [];
try {
  const applied = await applyMigrations(handle.factory);
  console.log(`Base de datos: ${describeDatabaseTarget(handle.target)}${applied.length ? ` (migraciones aplicadas: ${applied.length})` : ""}`);
  if (await isDatabaseEmpty(prisma)) {
    console.log("Base vacía: cargando datos de demostración (con solicitudes que recorren el flujo real)…");
    const started = performance.now();
    await seedDatabase(prisma, { log: (m: string) => console.log(`  ${m}`), demoCases: true, servicesBaseUrl: pkiServices?.baseUrl });
    console.log(`  Datos de demostración listos en ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else if (pkiServices && !demoPkiNamesServices(pkiServices.baseUrl)) {
    console.warn(
      `Aviso: los certificados de ${resolvePkiDir(env.PKI_DIR)} no indican ${pkiServices.baseUrl} para su OCSP y CRL ` +
        "(PKI anterior, u otro PKI_SERVICES_PORT): las firmas se rechazarán por no poder comprobar la revocación. " +
        "Con la aplicación detenida, `npm run db:seed` (mismo PKI_SERVICES_PORT) los vuelve a emitir y actualiza el registro de firmantes.",
    );
  }
  issuedDemoCases = await findIssuedDemoCases(prisma);
} finally {
  await close();
}

// Whether the demo signers' certificates name these services (the seed re-issues them when not).
function demoPkiNamesServices(baseUrl: string): boolean {
  try {
    const pem = fs.readFileSync(path.join(resolvePkiDir(env.PKI_DIR), DEMO_CERTIFICATES[0].file.replace(/\.p12$/, ".cert.pem")));
    return readRevocationPointers(Buffer.from(new X509Certificate(pem).raw)).ocspUrls.includes(pkiServiceUrls(baseUrl).ocspUrl);
  } catch {
    return false;
  }
}

// 2. Build only when the sources changed since the last build.
const stampFile = BUILD_STAMP_FILE;
const stamp = sourceStamp();
if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, "utf8") !== stamp) {
  console.log("Compilando la aplicación (next build)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (r.status !== 0) {
    await pkiServices?.close();
    process.exit(r.status ?? 1);
  }
  fs.writeFileSync(stampFile, stamp);
}

// 3. Serve, through scripts/serve.mts (Next's custom server that records each request's real peer
// address, which the throttles need; see README, TRUSTED_PROXY_HOPS). Run by this node with tsx's
// loader, not through `npx`/`tsx`: a signal sent to this script then reaches the server itself (a
// wrapper would die and leave the server running, holding port and database).
const server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.mts")], { stdio: ["ignore", "pipe", "inherit"], env });
// The server serves from that process, which opens the database at its first query.
if (embeddedDir && server.pid) handOverDatabaseDirLock(embeddedDir, server.pid);
let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /ready|started|Local:/i.test(chunk.toString())) {
    announced = true;
    printWelcome();
  }
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
// The PKI services stop with the server (they are this process's: closing them ends their openssl runs).
server.on("exit", (code) => {
  void (pkiServices?.close() ?? Promise.resolve()).finally(() => process.exit(code ?? 0));
});

function printWelcome() {
  const rows = DEMO_ACCOUNTS.map((a) => [a.roleLabel, a.email, a.password, a.dideduc ?? "", a.pkcs12 ? `${a.pkcs12} (${a.pkcs12Passphrase})` : ""]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`\nCertifica está en ${env.APP_BASE_URL}  (base de datos: ${describeDatabaseTarget(handle.target)})\n`);
  console.log("Cuentas de demostración (rol · correo · contraseña · DIDEDUC · certificado PKCS#12 y su frase):");
  for (const r of rows) console.log("  " + r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
  console.log(`\n${formatDemoSecondFactor()}`);
  if (pkiServices) {
    console.log(`\nServicios de la PKI de demostración (${resolvePkiDir(env.PKI_DIR)}), solo en esta máquina:`);
    console.log(`  Sellado de tiempo (TSA, RFC 3161): ${pkiServices.tsaUrl}  (TSA_URL de la aplicación)`);
    console.log(`  OCSP:                              ${pkiServices.ocspUrl}`);
    console.log(`  Lista de revocación (CRL):         ${pkiServices.crlUrl}`);
  } else {
    console.log(`\nSellado de tiempo: ${env.TSA_URL} (TSA_URL)`);
  }
  if (issuedDemoCases.length > 0) {
    console.log("\nCertificaciones emitidas de demostración (escanee el QR del PDF o abra la URL de verificación):");
    for (const c of issuedDemoCases) {
      console.log(`  ${c.number}  ${c.verificationUrl}  (${c.status})`);
      console.log(`    PDF emitido: ${c.pdfPath}`);
    }
  } else {
    console.log("\nNo hay certificaciones emitidas de demostración (`npm run db:seed` agrega las solicitudes de demostración).");
  }
  console.log("");
}

