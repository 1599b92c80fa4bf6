// `npm start`: the whole app on this machine with nothing to configure. Without DATABASE_URL, the
// embedded PGlite under .data/. This is only the launcher, in plain JavaScript and with nothing but
// Node's own modules loaded, because it stays alive as long as the app does (to print the welcome,
// forward Ctrl-C and stop the demo PKI's services with the server): a few tens of MB (issue #15 §3).
// The work is done by three processes it starts, one after the other:
//   0. without TSA_URL (the demo), the demo PKI's TSA, OCSP responder and CRL on 127.0.0.1
//      (scripts/pki-services.mts), first, because the certificates the seed issues name their
//      address; they run until the server stops. Production sets TSA_URL and runs none of this;
//   1. scripts/start-prepare.mts: migrations, the demo seed into an empty database, a build when the
//      sources changed; it sends back the welcome text and exits;
//   2. scripts/serve.mts, the production server (Next's custom server that records each request's
//      real peer address; see README, TRUSTED_PROXY_HOPS), run by this node with tsx's loader, not
//      through `npx`/`tsx`: a signal sent to it reaches the server itself.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readLockOwner, writeLockOwner } from "../lib/db/database-dir-lock-file.mjs";
import { isServerReadyLine, serverEnv, serverNodeArgs } from "./server-command.mjs";

const port = Number(process.env.PORT ?? 3000);
const env = { ...process.env, PORT: String(port), NODE_ENV: "production" };
const tsx = ["--import", "tsx"];

fs.mkdirSync(".data", { recursive: true });
if (!env.AUTH_SECRET) {
  // A demo install needs no configuration; production sets AUTH_SECRET explicitly.
  const file = ".data/auth-secret";
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
// The seed writes it into the demo certifications' QR codes: the address the server will answer on.
env.APP_BASE_URL ??= `http://localhost:${port}`;

let stopping = false;
let server = null;
let pki = null;

// Stops the demo PKI's services (they end when their stdin closes) and leaves with `code`.
function finish(code) {
  if (!pki || pki.exitCode !== null) process.exit(code);
  pki.once("exit", () => process.exit(code));
  pki.stdin.end();
}

// Ctrl-C reaches every process of the terminal's group; a `kill` reaches only this one: pass it on.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    if (server) server.kill(signal);
    else if (prepare) prepare.kill(signal);
    else finish(signal === "SIGINT" ? 130 : 143);
  });
}
let prepare = null;

// 0. The demo PKI's services.
if (!env.TSA_URL?.trim()) {
  const services = await startPkiServices();
  env.TSA_URL = services.tsaUrl;
  env.CERTIFICA_PKI_SERVICES_URL = services.baseUrl;
  delete env.TSA_USERNAME;
  delete env.TSA_PASSWORD;
}

function startPkiServices() {
  return new Promise((resolve) => {
    pki = spawn(process.execPath, [...tsx, path.join("scripts", "pki-services.mts"), "--exit-with-stdin"], { stdio: ["pipe", "pipe", "pipe"], env });
    let out = "";
    let err = "";
    pki.stderr.on("data", (c) => (err += c));
    pki.stdout.on("data", (c) => {
      out += c;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line && out.includes("\n")) {
        pki.stdout.removeAllListeners("data");
        pki.stdout.resume();
        pki.stderr.removeAllListeners("data");
        pki.stderr.pipe(process.stderr);
        resolve(JSON.parse(line));
      }
    });
    pki.once("exit", () => {
      if (out.includes("\n")) return;
      const servicesPort = env.PKI_SERVICES_PORT || "3099";
      console.error(
        `No se pudieron iniciar los servicios de la PKI de demostración en 127.0.0.1:${servicesPort} (${err.trim().split("\n").find((l) => /Error|EADDRINUSE/.test(l)) ?? err.trim().split("\n")[0]}). ` +
          "Libere ese puerto, elija otro con PKI_SERVICES_PORT, o configure una TSA con TSA_URL.",
      );
      process.exit(1);
    });
  });
}

// 1. Migrations, seed, build.
const prepared = await new Promise((resolve) => {
  let message = null;
  prepare = spawn(process.execPath, [...tsx, path.join("scripts", "start-prepare.mts")], { stdio: ["ignore", "inherit", "inherit", "ipc"], env });
  prepare.on("message", (m) => (message = m));
  prepare.on("exit", (code, signal) => {
    prepare = null;
    if (code === 0 && message && !stopping) resolve(message);
    else finish(code ?? (signal === "SIGINT" ? 130 : 1));
  });
});

// 2. Serve. The embedded database's lock, which the first phase handed to this process, goes to the
// server (which opens the database at its first query).
server = spawn(process.execPath, serverNodeArgs(env), { stdio: ["ignore", "pipe", "inherit"], env: serverEnv(env) });
if (prepared.embeddedDir && server.pid) handOverLock(prepared.embeddedDir, server.pid);
let announced = false;
// The server's lines, whole: a chunk may end in the middle of one.
let partial = "";
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (announced) return;
  const lines = (partial + chunk.toString()).split("\n");
  partial = lines.pop() ?? "";
  if (lines.some(isServerReadyLine)) {
    announced = true;
    partial = "";
    console.log(prepared.welcome);
  }
});
server.on("exit", (code, signal) => finish(code ?? (signal === "SIGINT" ? 130 : signal ? 143 : 0)));

// lib/db/lock-database-dir.ts's handOverDatabaseDirLock, for a launcher that loads no TypeScript:
// the same lock file module (lib/db/database-dir-lock-file.mjs).
function handOverLock(dir, pid) {
  const lockPath = `${dir}.lock`;
  const owner = readLockOwner(lockPath)?.pid;
  if (owner !== process.pid) throw new Error(`npm start: ${lockPath} no es de este proceso (pid ${owner})`);
  writeLockOwner(lockPath, pid);
}
