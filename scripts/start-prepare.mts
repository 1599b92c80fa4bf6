// `npm start`'s heavy first phase, in its own process so that nothing it loads (Prisma, the seed,
// the PKI code) stays in memory while the app serves (issue #15 §3): applies migrations, seeds demo
// data (accounts, PKI, registries and demo cases walked through the real workflow) into an empty
// database, builds when the sources changed, then sends the launcher (scripts/start.mjs) the welcome
// text to print once the server answers, and exits. Run by the launcher only, with its environment
// (PORT, AUTH_SECRET, APP_BASE_URL, TSA_URL and, for the demo PKI's services the launcher started,
// CERTIFICA_PKI_SERVICES_URL) and an IPC channel.
//
// The embedded database's lock: taken here before opening the database and, when this phase ends,
// handed to the launcher (still alive, so no other script can open the folder), which hands it to
// the server it starts (lib/db/lock-database-dir.ts).
import { spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/apply-migrations";
import { claimDatabaseOrExit } from "../lib/db/claim-database-or-exit";
import { createPrisma } from "../lib/db/create-prisma";
import { describeDatabaseTarget } from "../lib/db/database-url";
import { handOverDatabaseDirLock, lockDatabaseDir } from "../lib/db/lock-database-dir";
import { readRevocationPointers } from "../lib/pki/read-revocation-pointers";
import { pkiServiceUrls } from "../lib/pki/services/types";
import { DEMO_ACCOUNTS, DEMO_CERTIFICATES, resolvePkiDir } from "../prisma/seed/demo-accounts";
import { formatDemoSecondFactor } from "../prisma/seed/format-demo-accounts";
import { findIssuedDemoCases, type TIssuedDemoCase } from "../prisma/seed/issued-demo-cases";
import { isDatabaseEmpty, seedDatabase } from "../prisma/seed/seed-database";
import { BUILD_STAMP_FILE, sourceStamp } from "./build-stamp";

export type TStartPrepared = { welcome: string; embeddedDir: string | null };

const env = process.env;
const pkiServicesUrl = env.CERTIFICA_PKI_SERVICES_URL || null;

// 1. Database: migrate and seed, then close it for the server to open. Another `npm start` (or a
// script) with the embedded database open: say so and touch nothing.
const { prisma, handle, close } = createPrisma(env.DATABASE_URL);
claimDatabaseOrExit(handle);
// The lock stays past close(), through the build, until the server takes it over.
const embeddedDir = handle.target.kind === "pglite" ? handle.target.dir : null;
if (embeddedDir) lockDatabaseDir(embeddedDir);
let issuedDemoCases: TIssuedDemoCase[] = [];
try {
  const applied = await applyMigrations(handle.factory);
  console.log(`Base de datos: ${describeDatabaseTarget(handle.target)}${applied.length ? ` (migraciones aplicadas: ${applied.length})` : ""}`);
  if (await isDatabaseEmpty(prisma)) {
    console.log("Base vacía: cargando datos de demostración (con solicitudes que recorren el flujo real)…");
    const started = performance.now();
    await seedDatabase(prisma, { log: (m: string) => console.log(`  ${m}`), demoCases: true, servicesBaseUrl: pkiServicesUrl ?? undefined });
    console.log(`  Datos de demostración listos en ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else if (pkiServicesUrl && !demoPkiNamesServices(pkiServicesUrl)) {
    console.warn(
      `Aviso: los certificados de ${resolvePkiDir(env.PKI_DIR)} no indican ${pkiServicesUrl} para su OCSP y CRL ` +
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
const stamp = sourceStamp();
if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(BUILD_STAMP_FILE) || fs.readFileSync(BUILD_STAMP_FILE, "utf8") !== stamp) {
  console.log("Compilando la aplicación (next build)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(BUILD_STAMP_FILE, stamp);
}

// 3. What the launcher prints once the server answers.
function welcome(): string {
  const lines: string[] = [];
  const rows = DEMO_ACCOUNTS.map((a) => [a.roleLabel, a.email, a.password, a.dideduc ?? "", a.pkcs12 ? `${a.pkcs12} (${a.pkcs12Passphrase})` : ""]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  lines.push(`\nCertifica está en ${env.APP_BASE_URL}  (base de datos: ${describeDatabaseTarget(handle.target)})\n`);
  lines.push("Cuentas de demostración (rol · correo · contraseña · DIDEDUC · certificado PKCS#12 y su frase):");
  for (const r of rows) lines.push("  " + r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
  lines.push(`\n${formatDemoSecondFactor()}`);
  if (pkiServicesUrl) {
    const urls = pkiServiceUrls(pkiServicesUrl);
    lines.push(`\nServicios de la PKI de demostración (${resolvePkiDir(env.PKI_DIR)}), solo en esta máquina:`);
    lines.push(`  Sellado de tiempo (TSA, RFC 3161): ${urls.tsaUrl}  (TSA_URL de la aplicación)`);
    lines.push(`  OCSP:                              ${urls.ocspUrl}`);
    lines.push(`  Lista de revocación (CRL):         ${urls.crlUrl}`);
  } else {
    lines.push(`\nSellado de tiempo: ${env.TSA_URL} (TSA_URL)`);
  }
  if (issuedDemoCases.length > 0) {
    lines.push("\nCertificaciones emitidas de demostración (escanee el QR del PDF o abra la URL de verificación):");
    for (const c of issuedDemoCases) {
      lines.push(`  ${c.number}  ${c.verificationUrl}  (${c.status})`);
      lines.push(`    PDF emitido: ${c.pdfPath}`);
    }
  } else {
    lines.push("\nNo hay certificaciones emitidas de demostración (`npm run db:seed` agrega las solicitudes de demostración).");
  }
  lines.push("");
  return lines.join("\n");
}

if (embeddedDir) handOverDatabaseDirLock(embeddedDir, process.ppid);
const prepared: TStartPrepared = { welcome: welcome(), embeddedDir };
process.send!(prepared, () => process.exit(0));
