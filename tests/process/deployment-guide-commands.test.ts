import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, webcrypto } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { totpSecretKey } from "@/lib/auth/totp/derive-keys";
import { createPrisma } from "@/lib/db/create-prisma";
import { freePort } from "@/tests/helpers/serve-process";

// Issue #15 §6: "Every command in [the deployment guide] is run by a test or by `.ci/run`." This file
// runs the guide's commands that no other test runs, as written, with only this machine's values in
// place of the guide's (the port, /srv/certifica → this checkout, /var/… → temporary folders, the
// database host and user), and keeps a list of every fenced block of docs/deployment.md and
// docs/deployment/*.md with what runs it: a block that is not on the list (a new command, or a
// changed one) fails the guard below, so nothing in the guide goes untested silently.
//
// One server: certifica.service of ops.md, run as systemd would (its ExecStartPre, then its
// ExecStart with its Environment= and an EnvironmentFile written here, from WorkingDirectory), as the
// role certifica_app with deployment.md §4's settings; curl, jq and the SIGTERM stop use it.
// Without systemd here the unit is not started by systemd: User= is not applied (the test's own
// user runs it), Restart=, After=/Wants= and [Install] are not exercised; `systemd-analyze verify`
// checks the unit files' syntax when the machine has it.

const REPO = process.cwd();
const DOCS = [path.join(REPO, "docs/deployment.md"), ...fs.readdirSync(path.join(REPO, "docs/deployment")).filter((f) => f.endsWith(".md")).sort().map((f) => path.join(REPO, "docs/deployment", f))];
const HERE = "tests/process/deployment-guide-commands.test.ts";
const BY_HAND = "a mano, minutos de medición: las cifras están en las notas del issue #15 (no en la suite: son minutos por orden, y CI ya usa unos 21 de sus 30)";

type TBlock = { file: string; lang: string; text: string; key: string };

// Every fenced block of the guide, with the indentation of its fence removed (the SQL one sits in a
// list item). Its key: the file, the fence's language and a hash of the text.
function guideBlocks(): TBlock[] {
  const blocks: TBlock[] = [];
  for (const file of DOCS) {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]);
      if (!open) continue;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length && lines[j].trim() !== "```"; j++) body.push(lines[j].slice(open[1].length).trimEnd());
      if (j === lines.length) throw new Error(`${file}: bloque sin cerrar en la línea ${i + 1}`);
      const text = body.join("\n");
      const rel = path.relative(REPO, file);
      blocks.push({ file: rel, lang: open[2], text, key: `${rel} ${open[2] || "-"} ${createHash("sha256").update(text).digest("hex").slice(0, 12)}` });
      i = j;
    }
  }
  return blocks;
}

// Each block of the guide (its key, then its first line for a reader) and what runs it.
const KNOWN: Record<string, { first: string; runBy: string }> = {
  "docs/deployment.md bash 3f190b141b6a": { first: "npm ci && npm run build", runBy: ".ci/run: en un clon nuevo, npm test corre scripts/ensure-deps.mjs (npm ci, con --include=dev) y scripts/test.sh compila con npx next build, lo mismo que npm run build (package.json)" },
  "docs/deployment.md bash 0e9119fffe90": { first: "NODE_ENV=production PORT=3000 MALLOC_MMAP_THRESHOLD_=65536 …", runBy: "tests/unit/scripts/server-command.test.ts (la orden es la de scripts/server-command.mjs, con la que tests/helpers/serve-process.ts arranca los servidores de tests/process)" },
  "docs/deployment.md sql a9366abe6e7c": { first: "ALTER ROLE certifica_app SET statement_timeout = '30s';", runBy: HERE },
  "docs/deployment/ops.md json 6e4493600bb0": { first: '{"status":"no-disponible",…', runBy: "ejemplo de respuesta, no una orden" },
  "docs/deployment/ops.md sh 949144c93e1a": { first: "curl -fsS http://127.0.0.1:3000/api/salud", runBy: `${HERE} (y tests/process/nginx-two-instances.test.ts)` },
  "docs/deployment/ops.md json fba1eb45a112": { first: '{"level":"info",…', runBy: "ejemplo de línea de registro, no una orden" },
  "docs/deployment/ops.md sh 6a9c20fea670": { first: "journalctl -u certifica -o cat | jq -c …", runBy: `${HERE} (los filtros de jq tal cual, sobre la salida del servidor en lugar de journalctl -o cat)` },
  "docs/deployment/ops.md ini 6f4a02a2fc8a": { first: "# /etc/systemd/system/certifica.service", runBy: HERE },
  "docs/deployment/proxy.md sh e7a0735761e8": { first: "apt-get install nginx", runBy: "tests/process/nginx-two-instances.test.ts (nginx -t sobre nginx.conf con lo marcado «CHANGE» reemplazado; apt-get install nginx lo hacen .ci/run y scripts/test.sh; systemctl reload no, sin systemd)" },
  "docs/deployment/proxy.md sh 26b247ae4235": { first: "TRUSTED_PROXY_HOPS=1", runBy: `tests/process/nginx-two-instances.test.ts y ${HERE} (el archivo de entorno de las instancias)` },
  "docs/deployment/proxy.md sh 9d25863f6bbe": { first: "npx next build", runBy: "scripts/test.sh (la compilación y el proyecto process de vitest, que incluye tests/process/nginx-two-instances.test.ts)" },
  "docs/deployment/store.md sh f9962347c50f": { first: "npm run storage:sweep -- --dry-run", runBy: `tests/integration/storage/storage-sweep.test.ts (--dry-run), ${HERE} (sin opciones: la línea de cron y el servicio), tests/process/nginx-two-instances.test.ts (--min-age-hours=48 --tmp-min-age-hours=2)` },
  "docs/deployment/store.md cron 1a26f8b4d8e4": { first: "30 3 * * *  cd /srv/certifica && npm run --silent storage:sweep …", runBy: HERE },
  "docs/deployment/store.md ini 18c9428bdd07": { first: "[Unit] Description=Certifica: limpieza del almacenamiento", runBy: HERE },
  "docs/deployment/store.md ini 92e2f74adb45": { first: "[Unit] Description=Certifica: limpieza diaria del almacenamiento", runBy: `${HERE} (systemd-analyze verify y calendar donde existe; si no, solo sus valores)` },
  "docs/deployment/store.md sh 77ae4cf1e339": { first: "npm run backup -- /var/backups/certifica/$(date …)", runBy: `${HERE} (y tests/integration/storage/backup-restore.test.ts)` },
  "docs/deployment/store.md cron 0106703e31c7": { first: "15 2 * * *  cd /srv/certifica && npm run --silent backup -- …", runBy: HERE },
  "docs/deployment/store.md sh e93576d1ac47": { first: "createdb -h db.interno -U postgres certifica_restaurada", runBy: `${HERE} (y tests/integration/storage/backup-restore.test.ts)` },
  "docs/deployment/verify.md - 350abd795d4c": { first: "npx next build / npm run bench:http", runBy: BY_HAND },
};

// Commands written inline in the guide's text (not in a fenced block), and what runs each.
const INLINE_COMMAND = /^(npm|npx|node|openssl|systemctl|apt-get|kill|curl|createdb|VACUUM)\s|^NODE_ENV=/;
const KNOWN_INLINE: Record<string, string> = {
  "NODE_ENV=production MALLOC_MMAP_THRESHOLD_=65536 MALLOC_TRIM_THRESHOLD_=65536 node --max-old-space-size=384 --import tsx scripts/serve.mts": "tests/unit/scripts/server-command.test.ts (la orden de scripts/server-command.mjs, la de tests/process/*)",
  'VACUUM ANALYZE "AuditEvent"': HERE,
  "apt-get install postgresql-client-<versión>": "consejo del mensaje de error, no una orden de operación (tests/unit/storage/find-postgres-tool.test.ts)",
  "kill -9": "tests/process/serve-shutdown-and-crash.test.ts",
  "npm run audit:verify": `${HERE} (bloque de restauración) y tests/process/nginx-two-instances.test.ts`,
  "npm run backup -- <carpeta nueva>": HERE,
  "npm run backup -- <carpeta>": HERE,
  "npm run backup": HERE,
  "npm run bench:http": BY_HAND,
  "npm run bench:queues": BY_HAND,
  "npm run bench:stats": BY_HAND,
  "npm run db:migrate": `${HERE} (ExecStartPre) y tests/process/nginx-two-instances.test.ts`,
  "npm run notify:digest": "tests/integration/notifications/staff-digest.test.ts",
  "npm run restore -- <carpeta del respaldo>": `${HERE} y tests/integration/storage/backup-restore.test.ts`,
  "npm run serve": "tests/unit/scripts/server-command.test.ts (el script de package.json es la misma orden)",
  "npm run storage:sweep -- --min-age-hours=48 --tmp-min-age-hours=2": "tests/process/nginx-two-instances.test.ts",
  "npm run storage:sweep": HERE,
  "npm start": ".ci/smoke-start (en .ci/run)",
  "npm test": ".ci/run",
  "npx next build": "scripts/test.sh",
  "openssl rand -base64 32": HERE,
  "systemctl enable --now certifica-storage-sweep.timer": "no se ejecuta: no hay systemd en CI; la unidad y el temporizador se comprueban aquí (systemd-analyze verify donde existe)",
  "systemctl restart certifica": "no se ejecuta: no hay systemd en CI; lo que hace (parar con SIGTERM, ExecStartPre, ExecStart) sí, aquí",
};

function guideInlineCommands(): string[] {
  const found = new Set<string>();
  for (const file of DOCS) {
    // Fenced blocks are the other list's.
    const prose = fs.readFileSync(file, "utf8").replace(/^\s*```[\s\S]*?^\s*```\s*$/gm, "");
    for (const m of prose.matchAll(/`([^`\n]+)`/g)) if (INLINE_COMMAND.test(m[1])) found.add(m[1]);
  }
  return [...found].sort();
}

function block(file: string, first: string): string {
  const found = guideBlocks().filter((b) => b.file === file && b.text.split("\n")[0].trim().startsWith(first));
  expect(found, `un bloque de ${file} que empiece por «${first}»`).toHaveLength(1);
  return found[0].text;
}

// The one command line of a block that starts with `start`.
function commandLine(text: string, start: string): string {
  const found = text.split("\n").filter((l) => l.trim().startsWith(start));
  expect(found, `una línea que empiece por «${start}»`).toHaveLength(1);
  return found[0].trim();
}

// Replaces each `from` (which must be there) by `to`: a guide that changes is a failure here, never
// a different command run in its place.
function fill(text: string, pairs: [string, string][]): string {
  for (const [from, to] of pairs) {
    expect(text.includes(from), `«${from}» en «${text}»`).toBe(true);
    text = text.split(from).join(to);
  }
  return text;
}

// What cron runs of a crontab line: the command after the five time fields, up to the first
// unescaped `%` (the rest is its standard input, each `%` a newline), `\%` turned into `%`.
function cronCommand(line: string): { command: string; stdin: string } {
  const m = /^\s*(?:\S+\s+){5}(.*)$/.exec(line);
  if (!m) throw new Error(`no es una línea de cron: ${line}`);
  let command = "";
  let stdin: string | null = null;
  const rest = m[1];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "\\" && rest[i + 1] === "%") {
      if (stdin === null) command += "%";
      else stdin += "%";
      i++;
    } else if (rest[i] === "%") {
      if (stdin === null) stdin = "";
      else stdin += "\n";
    } else if (stdin === null) command += rest[i];
    else stdin += rest[i];
  }
  return { command, stdin: stdin ?? "" };
}

type TUnit = Record<string, [string, string][]>;
function parseUnit(text: string): TUnit {
  const unit: TUnit = {};
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const head = /^\[(.+)\]$/.exec(line);
    if (head) {
      section = head[1];
      unit[section] ??= [];
      continue;
    }
    const eq = line.indexOf("=");
    unit[section].push([line.slice(0, eq), line.slice(eq + 1)]);
  }
  return unit;
}
function unitValues(unit: TUnit, section: string, key: string): string[] {
  return (unit[section] ?? []).filter(([k]) => k === key).map(([, v]) => v);
}
function unitValue(unit: TUnit, section: string, key: string): string {
  const values = unitValues(unit, section, key);
  expect(values, `${key}= en [${section}]`).toHaveLength(1);
  return values[0];
}

// An executable of the unit: the absolute path it names, or the same name on the PATH where this
// machine installed it elsewhere (a version manager): the arguments are what is tested.
function executable(argv0: string): string {
  if (fs.existsSync(argv0)) return argv0;
  const found = spawnSync("sh", ["-c", `command -v ${path.basename(argv0)}`], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error(`${argv0} no existe en esta máquina`);
  return found;
}

type TRun = { status: number | null; out: string; err: string };
function run(file: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number }): Promise<TRun> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: options.cwd ?? REPO, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, out, err });
    });
    child.stdin.end(options.input ?? "");
  });
}
const sh = (command: string, env: NodeJS.ProcessEnv, input?: string) => run("sh", ["-c", command], { env, input });

async function adminQuery(sql: string, database?: string): Promise<pg.QueryResult> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  if (database) url.pathname = `/${database}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}

const ROLE = "certifica_app";
let root: string;
let dbName: string | undefined;
let restoredName: string | undefined;
let createdRole = false;
let appUrl: string;
let port: number;
let envFile: Record<string, string>;
let generated: string[];
let service: TUnit;
let server: ChildProcess | undefined;
let serverExited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
let journal: string;
let migrate: TRun;
let startedAt: number;
// Opened at the start so that the timeouts of §4 run out while the rest runs.
let longStatement: Promise<{ error: unknown; ms: number }>;
let idleClient: pg.Client;
let idleEnded: Promise<unknown>;
let errorRequest: Promise<number>;

// The environment a systemd service or a crontab line gets: no shell profile, only what is given.
function bareEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    ...envFile,
    ...extra,
  };
  // A service has no NODE_ENV unless its unit sets one (Next.js's types say it always exists).
  return env as unknown as NodeJS.ProcessEnv;
}

beforeAll(async () => {
  startedAt = Date.now();
  for (const tool of ["jq", "curl", "createdb", "openssl"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) {
      throw new Error(`${tool} no está instalado: este test ejecuta los comandos de docs/deployment con él. Instálelo con \`apt-get install ${tool === "createdb" ? "postgresql-client" : tool}\` (.ci/run y npm test instalan jq; curl, createdb y openssl vienen con los paquetes que instalan).`);
    }
  }
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-guide-"));
  const suffix = path.basename(root).replace(/[^a-z0-9]/gi, "").toLowerCase();
  port = await freePort();

  // deployment.md §1 and the README: each secret made as the guide says.
  generated = [0, 1, 2].map(() => {
    const made = spawnSync("sh", ["-c", "openssl rand -base64 32"], { encoding: "utf8" });
    expect(made.status, made.stderr).toBe(0);
    return made.stdout.trim();
  });

  // The application's role and its database (it owns it: the unit's ExecStartPre migrates as it),
  // then §4's SQL as written, by the administrator.
  const exists = await adminQuery(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`);
  if (exists.rowCount === 0) {
    await adminQuery(`CREATE ROLE ${ROLE} LOGIN`);
    createdRole = true;
  }
  dbName = `certifica_guide_${suffix}`;
  await adminQuery(`CREATE DATABASE ${dbName} OWNER ${ROLE}`);
  await adminQuery(block("docs/deployment.md", "ALTER ROLE certifica_app SET statement_timeout"), dbName);
  const admin = new URL(process.env.TEST_DATABASE_URL!);
  const app = new URL(admin.toString());
  app.username = ROLE;
  app.password = "";
  app.pathname = `/${dbName}`;
  appUrl = app.toString();

  // A statement longer than 30 s and a transaction left idle, by the role: both must be ended by
  // the server, checked at the end.
  longStatement = (async () => {
    const c = new pg.Client({ connectionString: appUrl });
    await c.connect();
    const t = Date.now();
    try {
      await c.query("SELECT pg_sleep(45)");
      return { error: null, ms: Date.now() - t };
    } catch (error) {
      return { error, ms: Date.now() - t };
    } finally {
      await c.end().catch(() => {});
    }
  })();
  idleClient = new pg.Client({ connectionString: appUrl });
  idleEnded = new Promise((resolve) => idleClient.on("error", resolve));
  await idleClient.connect();
  await idleClient.query("BEGIN");
  await idleClient.query("SELECT 1");

  // /etc/certifica/env, with what ops.md says it holds (no TSA_URL: nothing here signs).
  envFile = {
    DATABASE_URL: appUrl,
    AUTH_SECRET: generated[0],
    TOTP_ENCRYPTION_KEY: generated[1],
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: generated[2],
    APP_BASE_URL: `http://127.0.0.1:${port}`,
    // As behind proxy.md's nginx: a proxy's X-Request-Id is kept (the jq filter below needs one).
    TRUSTED_PROXY_HOPS: "1",
    STORAGE_DIR: path.join(root, "files"),
    UPLOAD_TMP_DIR: path.join(root, "uploads-tmp"),
    PKI_DIR: path.join(root, "pki"),
    UPLOADTHING_TOKEN: "",
    // The first probe of a fresh process also opens its database client (slow on a busy machine).
    READINESS_TIMEOUT_MS: "60000",
  };
  // Written, then read back as systemd reads an EnvironmentFile (KEY=VALUE lines, # comments): the
  // services and the crontab lines below get what is in it.
  fs.writeFileSync(path.join(root, "env"), `# /etc/certifica/env\n${Object.entries(envFile).map(([k, v]) => `${k}=${v}\n`).join("")}`);
  envFile = Object.fromEntries(
    fs.readFileSync(path.join(root, "env"), "utf8").split("\n").filter((l) => l.trim() && !l.trim().startsWith("#")).map((l) => [l.slice(0, l.indexOf("=")).trim(), l.slice(l.indexOf("=") + 1)]),
  );

  service = parseUnit(block("docs/deployment/ops.md", "# /etc/systemd/system/certifica.service"));
  expect(unitValue(service, "Service", "WorkingDirectory")).toBe("/srv/certifica");
  expect(unitValue(service, "Service", "EnvironmentFile")).toBe("/etc/certifica/env");
  const environment: Record<string, string> = {};
  for (const value of unitValues(service, "Service", "Environment")) {
    for (const pair of value.split(/\s+/)) environment[pair.slice(0, pair.indexOf("="))] = pair.slice(pair.indexOf("=") + 1);
  }
  expect(environment.PORT).toBe("3000");
  const env = bareEnv({ ...environment, PORT: String(port) });

  // ExecStartPre, then ExecStart once it succeeded, as systemd does.
  const [preBin, ...preArgs] = unitValue(service, "Service", "ExecStartPre").split(/\s+/);
  migrate = await run(executable(preBin), preArgs, { env });
  expect(migrate.status, `${migrate.out}${migrate.err}`).toBe(0);
  const [bin, ...args] = unitValue(service, "Service", "ExecStart").split(/\s+/);
  journal = path.join(root, "journal");
  const sink = fs.openSync(journal, "a");
  // stdout and stderr into one file, in the order written: what journald keeps and `-o cat` prints.
  server = spawn(executable(bin), args, { cwd: REPO, env, stdio: ["ignore", sink, sink] });
  fs.closeSync(sink);
  serverExited = new Promise((resolve) => server!.once("exit", (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 120_000;
  while (!fs.readFileSync(journal, "utf8").includes('"message":"ready"') && server.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(server.exitCode, fs.readFileSync(journal, "utf8").slice(-4000)).toBeNull();
  // An error line for ops.md's second filter: a verification whose rate-limit write waits on a
  // table the administrator holds locked longer than the role's statement_timeout (30 s), so the
  // app's own query is cancelled and logged. EXCLUSIVE blocks writes, not the backups' reads: the
  // store.md commands run meanwhile.
  errorRequest = (async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    const locker = new pg.Client({ connectionString: url.toString() });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "RateLimitCounter" IN EXCLUSIVE MODE`);
      return (await fetch(`http://127.0.0.1:${port}/api/v1/verificaciones/ABCD-EFGH-JKLM`)).status;
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
    }
  })();
  // Awaited by its test; marked handled so a failure is reported there, not as an unhandled rejection.
  errorRequest.catch(() => {});
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill("SIGKILL");
    await serverExited;
  }
  await idleClient?.end().catch(() => {});
  if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  if (restoredName) await adminQuery(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
  if (createdRole) await adminQuery(`DROP ROLE IF EXISTS ${ROLE}`);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("the deployment guide's commands (issue #15 §6)", () => {
  it("every fenced block of docs/deployment.md and docs/deployment/*.md is on this test's list, with what runs it", () => {
    const blocks = guideBlocks();
    const unknown = blocks.filter((b) => !KNOWN[b.key]);
    expect(
      unknown.map((b) => `${b.key}\n${b.text}`),
      `Bloques de la guía de despliegue que ningún test ejecuta: agregue a KNOWN en ${HERE} su clave y qué lo ejecuta (y ejecútelo)`,
    ).toEqual([]);
    const gone = Object.keys(KNOWN).filter((k) => !blocks.some((b) => b.key === k));
    expect(gone, `KNOWN en ${HERE} nombra bloques que la guía ya no tiene: quítelos`).toEqual([]);
  });

  it("every command written inline in the guide's text is on this test's list, with what runs it", () => {
    const commands = guideInlineCommands();
    expect(
      commands.filter((c) => !(c in KNOWN_INLINE)),
      `Órdenes de la guía de despliegue que ningún test ejecuta: agregue a KNOWN_INLINE en ${HERE} qué la ejecuta (y ejecútela)`,
    ).toEqual([]);
    expect(Object.keys(KNOWN_INLINE).filter((c) => !commands.includes(c)), `KNOWN_INLINE en ${HERE} nombra órdenes que la guía ya no tiene: quítelas`).toEqual([]);
  });

  it("secrets made with `openssl rand -base64 32` are accepted: the server runs with AUTH_SECRET, the second factor takes TOTP_ENCRYPTION_KEY, Next.js imports NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", async () => {
    for (const key of generated) expect(Buffer.from(key, "base64")).toHaveLength(32);
    expect(totpSecretKey({ TOTP_ENCRYPTION_KEY: generated[1] } as unknown as NodeJS.ProcessEnv)).toHaveLength(32);
    // Auth.js signs its CSRF token with AUTH_SECRET (it answers 500 without a usable one).
    const csrf = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`);
    expect(csrf.status).toBe(200);
    expect((await csrf.json()) as unknown).toMatchObject({ csrfToken: expect.any(String) });
    // The key is read at run time by Next.js (no build here) in this one line: the same import with
    // the generated value, then a round trip. If Next.js changes what it requires, this fails.
    const source = fs.readFileSync(path.join(REPO, "node_modules/next/dist/server/app-render/encryption-utils.js"), "utf8");
    expect(source).toContain("const rawKey = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || serverActionsManifest.encryptionKey;");
    expect(source).toContain("crypto.subtle.importKey('raw', stringToUint8Array(atob(rawKey)), 'AES-GCM', true, [");
    const { stringToUint8Array } = (await import("next/dist/server/app-render/encryption-utils.js")) as { stringToUint8Array: (s: string) => Uint8Array<ArrayBuffer> };
    const key = await webcrypto.subtle.importKey("raw", stringToUint8Array(atob(generated[2])), "AES-GCM", true, ["encrypt", "decrypt"]);
    const iv = webcrypto.getRandomValues(new Uint8Array(16));
    const sealed = await webcrypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode("acción"));
    expect(new TextDecoder().decode(await webcrypto.subtle.decrypt({ name: "AES-GCM", iv }, key, sealed))).toBe("acción");
  });

  it("certifica.service: ExecStartPre migrated the empty database, ExecStart answers the readiness probe; systemd-analyze checks the units where it exists", async () => {
    expect(migrate.out).toContain("migraciones aplicadas:");
    const ready = await fetch(`http://127.0.0.1:${port}/api/salud/lista`);
    expect({ status: ready.status, body: (await ready.json()) as unknown }).toMatchObject({ status: 200, body: { status: "ok" } });
    // The server's own line once it listens, on the port the unit's environment gave it.
    const readyLine = fs.readFileSync(journal, "utf8").split("\n").find((l) => l.includes('"message":"ready"'));
    expect(JSON.parse(readyLine!)).toMatchObject({ level: "info", url: expect.stringContaining(`:${port}`) });

    const sweepService = guideBlocks().filter((b) => b.file === "docs/deployment/store.md" && b.lang === "ini");
    expect(sweepService).toHaveLength(2);
    const [sweepUnit, timerUnit] = sweepService.map((b) => b.text);
    const timer = parseUnit(timerUnit);
    expect(unitValue(timer, "Timer", "OnCalendar")).toBe("*-*-* 03:30");
    expect(unitValue(timer, "Timer", "RandomizedDelaySec")).toBe("15m");
    expect(unitValue(timer, "Timer", "Persistent")).toBe("true");
    // The timer starts the service of the same name (no Unit=): the file names store.md gives.
    expect(parseUnit(sweepUnit).Timer).toBeUndefined();
    if (spawnSync("sh", ["-c", "command -v systemd-analyze"]).status === 0) {
      const dir = path.join(root, "units");
      fs.mkdirSync(dir);
      // verify checks that ExecStart's program exists: where this machine has node and npm elsewhere
      // (a version manager), that path in their place.
      const here = (text: string) => text.replace(/\/usr\/bin\/(node|npm) /g, (_, name: string) => `${executable(`/usr/bin/${name}`)} `);
      fs.writeFileSync(path.join(dir, "certifica.service"), here(block("docs/deployment/ops.md", "# /etc/systemd/system/certifica.service")));
      fs.writeFileSync(path.join(dir, "certifica-storage-sweep.service"), here(sweepUnit));
      fs.writeFileSync(path.join(dir, "certifica-storage-sweep.timer"), timerUnit);
      const verify = spawnSync("systemd-analyze", ["verify", ...["certifica.service", "certifica-storage-sweep.service", "certifica-storage-sweep.timer"].map((f) => path.join(dir, f))], { encoding: "utf8" });
      expect({ status: verify.status, out: `${verify.stdout}${verify.stderr}` }).toEqual({ status: 0, out: "" });
      const calendar = spawnSync("systemd-analyze", ["calendar", unitValue(timer, "Timer", "OnCalendar")], { encoding: "utf8" });
      expect(calendar.stdout).toContain("Normalized form: *-*-* 03:30:00");
    }
  });

  it("store.md: the backup, the crontab lines (backup kept 14 days, sweep) and the sweep service, then the restore block into a new database", async () => {
    // One audit event, written by the app's own code as certifica_app: the restored chain then has a
    // link for audit:verify to check, and VACUUM ANALYZE below a row.
    const app = createPrisma(appUrl);
    try {
      await appendAuditEvent(app.prisma, { data: { action: "test", note: "deployment-guide-commands" } });
    } finally {
      await app.close();
    }
    const backups = path.join(root, "backups");
    const logs = path.join(root, "log");
    fs.mkdirSync(logs);
    // Folders of earlier days, for the crontab line's `find … -mtime +14`.
    fs.mkdirSync(path.join(backups, "20200101"), { recursive: true });
    fs.writeFileSync(path.join(backups, "20200101", "manifest.json"), "{}");
    expect(spawnSync("touch", ["-d", "20 days ago", path.join(backups, "20200101")]).status).toBe(0);
    fs.mkdirSync(path.join(backups, "recent"));
    expect(spawnSync("touch", ["-d", "3 days ago", path.join(backups, "recent")]).status).toBe(0);

    const backupLine = commandLine(block("docs/deployment/store.md", "npm run backup --"), "npm run backup");
    const crons = guideBlocks().filter((b) => b.file === "docs/deployment/store.md" && b.lang === "cron").map((b) => b.text);
    expect(crons).toHaveLength(2);
    const checkout: [string, string] = ["/srv/certifica ", `${REPO} `];
    const sweepCron = cronCommand(fill(crons[0], [checkout, ["/var/log/certifica", logs]]));
    const backupCron = cronCommand(fill(crons[1], [checkout, ["/var/backups/certifica", backups]]));
    const sweepUnit = parseUnit(guideBlocks().filter((b) => b.file === "docs/deployment/store.md" && b.lang === "ini")[0].text);
    expect(unitValue(sweepUnit, "Service", "WorkingDirectory")).toBe("/srv/certifica");
    const [sweepBin, ...sweepArgs] = unitValue(sweepUnit, "Service", "ExecStart").split(/\s+/);
    // Two backups at once, both taken while the server serves, then the two sweeps: two npm
    // processes at a time on a machine of two cores.
    const env = bareEnv({});
    const [manual, daily] = await Promise.all([sh(fill(backupLine, [["/var/backups/certifica", backups]]), env), sh(backupCron.command, env, backupCron.stdin)]);
    expect(manual.status, `${manual.out}${manual.err}`).toBe(0);
    expect(daily.status, `${daily.out}${daily.err}`).toBe(0);
    const [sweptByCron, sweptByUnit] = await Promise.all([sh(sweepCron.command, env, sweepCron.stdin), run(executable(sweepBin), sweepArgs, { env })]);
    expect(sweptByCron.status, `${sweptByCron.out}${sweptByCron.err}`).toBe(0);
    expect(sweptByUnit.status, `${sweptByUnit.out}${sweptByUnit.err}`).toBe(0);
    expect(sweptByUnit.out).toMatch(/"message":"storage sweep"/);
    const logged = fs.readFileSync(path.join(logs, "storage-sweep.log"), "utf8").split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toEqual([expect.objectContaining({ message: "storage sweep", dryRun: false, failed: 0 })]);

    const folders = fs.readdirSync(backups).sort();
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, "");
    const stamped = folders.find((f) => /^\d{8}T\d{6}Z$/.test(f));
    expect(folders).toEqual([today, "recent", stamped].sort());
    for (const f of [today, stamped!]) expect(JSON.parse(fs.readFileSync(path.join(backups, f, "manifest.json"), "utf8"))).toMatchObject({ database: { kind: "postgres" } });

    // The restore block as written, with this server's host and administrator, a new database name
    // and storage folder, and the backup just made.
    restoredName = `certifica_guide_restored_${path.basename(root).replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
    const admin = new URL(process.env.TEST_DATABASE_URL!);
    const restore = fill(block("docs/deployment/store.md", "createdb -h db.interno"), [
      ["createdb -h db.interno -U postgres", `createdb -h ${admin.hostname} -p ${admin.port} -U ${admin.username || "postgres"}`],
      ["postgresql://certifica@db.interno/certifica_restaurada", `postgresql://${admin.username || "postgres"}@${admin.hostname}:${admin.port}/${restoredName}`],
      // The guide's name, once its URLs were replaced (the new name does not contain it).
      ["certifica_restaurada", restoredName],
      ["/srv/certifica-restaurada/files", path.join(root, "restored-files")],
      ["/var/backups/certifica/20261206T020000Z", path.join(backups, stamped!)],
    ]);
    const restored = await sh(`set -e\n${restore}`, bareEnv({ DATABASE_URL: "", STORAGE_DIR: "" }));
    expect(restored.status, `${restored.out}${restored.err}`).toBe(0);
    expect(restored.out).toMatch(/cada SHA-256 coincidió con el manifiesto/);
    expect(restored.out).toMatch(/al día/);
    expect(restored.out).toMatch(/cadena íntegra, 1 eventos/);
  }, 120_000);

  it("deployment.md §1's VACUUM ANALYZE \"AuditEvent\", by the administrator", async () => {
    await adminQuery(`VACUUM ANALYZE "AuditEvent"`, dbName);
    const { rows } = await adminQuery(`SELECT last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname = 'AuditEvent'`, dbName);
    expect(rows).toEqual([{ vacuumed: true, analyzed: true }]);
  });

  it("deployment.md §4: a session of certifica_app has both settings, the app's Prisma client too, and longer statements and idle transactions are ended", async () => {
    const c = new pg.Client({ connectionString: appUrl });
    await c.connect();
    const shown = [(await c.query("SHOW statement_timeout")).rows[0], (await c.query("SHOW idle_in_transaction_session_timeout")).rows[0]];
    await c.end();
    expect(shown).toEqual([{ statement_timeout: "30s" }, { idle_in_transaction_session_timeout: "1min" }]);
    const { prisma, close } = createPrisma(appUrl);
    try {
      expect(await prisma.$queryRawUnsafe("SHOW statement_timeout")).toEqual([{ statement_timeout: "30s" }]);
    } finally {
      await close();
    }
    const long = await longStatement;
    // Cancelled by the role's statement_timeout (not by anyone, and not finished: pg_sleep(45) ends
    // without an error), and not before 30 s. No upper bound: a busy machine only answers later.
    expect((long.error as { code?: string } | null)?.code).toBe("57014");
    expect((long.error as Error).message).toBe("canceling statement due to statement timeout");
    expect(long.ms).toBeGreaterThanOrEqual(29_000);
    // The idle transaction's session is ended once it has been idle 60 s; the bound below only keeps
    // a missing setting from hanging the run, far past what any machine needs.
    const ended = (await Promise.race([idleEnded, new Promise((r) => setTimeout(() => r("still open"), Math.max(0, startedAt + 170_000 - Date.now())))])) as { code?: string } | string;
    expect(typeof ended === "string" ? ended : ended.code).toBe("25P03");
  }, 200_000);

  it("ops.md's curl probes and jq filters, on the server's own output in place of journalctl's", async () => {
    const probes = fill(block("docs/deployment/ops.md", "curl -fsS"), [["127.0.0.1:3000", `127.0.0.1:${port}`]]).split("\n");
    const env = bareEnv({});
    expect(await sh(probes[0], env)).toMatchObject({ status: 0, out: '{"status":"ok"}' });
    expect(await sh(probes[1], env)).toMatchObject({ status: 0, out: "200\n" });

    // The request of the guide's example id, as a proxy sends it.
    const id = "3f9c0a7d1b2e4c55";
    const page = await fetch(`http://127.0.0.1:${port}/api/salud`, { headers: { "X-Request-Id": id } });
    expect(page.headers.get("x-request-id")).toBe(id);
    // The request's line is written once the response is done: it may reach the file just after.
    const deadline = Date.now() + 30_000;
    while (!/"requestId":"3f9c0a7d1b2e4c55".*"message":"request"/.test(fs.readFileSync(journal, "utf8")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await errorRequest).toBe(500);

    const filters = block("docs/deployment/ops.md", "journalctl -u certifica -o cat | jq").split("\n");
    const [byId, errors] = await Promise.all(filters.map((f) => sh(fill(f, [["journalctl -u certifica -o cat", `cat ${journal}`]]), env)));
    expect(byId.status, byId.err).toBe(0);
    const requestLines = byId.out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(requestLines).toEqual([expect.objectContaining({ requestId: id, message: "request", route: "/api/salud", status: 200 })]);
    expect(errors.status, errors.err).toBe(0);
    const errorLines = errors.out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(errorLines.length).toBeGreaterThan(0);
    for (const line of errorLines) expect(line.level).toBe("error");
    expect(errorLines).toContainEqual(expect.objectContaining({ message: "verification API failed" }));
  }, 90_000);

  it("certifica.service's KillSignal stops the server within TimeoutStopSec, exit status 0", async () => {
    const signal = unitValue(service, "Service", "KillSignal") as NodeJS.Signals;
    const limitMs = Number(unitValue(service, "Service", "TimeoutStopSec")) * 1000;
    const t = Date.now();
    server!.kill(signal);
    const stopped = await Promise.race([serverExited, new Promise((r) => setTimeout(() => r("still running"), limitMs))]);
    expect(stopped).toEqual({ code: 0, signal: null });
    expect(Date.now() - t).toBeLessThan(limitMs);
  }, 60_000);
});
