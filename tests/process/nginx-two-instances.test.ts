import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/limits";
import pg from "pg";
import { createPrisma } from "@/lib/db/create-prisma";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { freePort, startServeProcess, type TServeProcess } from "@/tests/helpers/serve-process";

// Issue #15 §6: "several instances behind a reverse proxy (a tested example config for one common
// proxy, with the trusted-proxy setting for client IPs)". The example, docs/deployment/nginx.conf,
// run as it is by Debian's nginx (only its «CHANGE» addresses, ports, certificate and log paths
// replaced by this test's), in front of two production instances (scripts/serve.mts on the build,
// TRUSTED_PROXY_HOPS=1) on one PostgreSQL database and one storage folder. Clients are this process
// from different loopback addresses (127.0.0.2, 127.0.0.3…), each a different machine for nginx.
//
// No nginx here is a failure that says what to install, never a skipped test (.ci/run installs it).

const CONFIG = path.resolve("docs/deployment/nginx.conf");
const AUTH_SECRET = "nginx-test-secret-not-for-production-0123456789";

type TReply = { status: number; headers: http.IncomingHttpHeaders; body: string };

let dbName: string | undefined;
let dbUrl: string;
let db: PrismaClient;
let closeDb: (() => Promise<void>) | undefined;
let root: string;
let ca: string;
let publicPort: number;
let plainPort: number;
let a: TServeProcess;
let b: TServeProcess;
let nginx: ChildProcess | undefined;
let nginxExited: Promise<unknown> | undefined;
let nginxOutput = "";

function findNginx(): string {
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    const probe = spawnSync(candidate, ["-v"], { encoding: "utf8" });
    if (!probe.error && probe.status === 0) return candidate;
  }
  throw new Error(
    "nginx no está instalado: este test ejecuta docs/deployment/nginx.conf con él. Instálelo con `apt-get install nginx` (.ci/run lo instala).",
  );
}

// The example with this machine's values in place of the «CHANGE» ones. Each must be found exactly
// once: if the example changes, this test fails here instead of running a config of its own.
function fillExample(ports: { a: number; b: number }, files: { cert: string; key: string; accessLog: string }): string {
  let text = fs.readFileSync(CONFIG, "utf8");
  const replacements: [string, string][] = [
    ["server 10.0.0.11:3000 ", `server 127.0.0.1:${ports.a} `],
    ["server 10.0.0.12:3000 ", `server 127.0.0.1:${ports.b} `],
    ["listen 80;", `listen 127.0.0.1:${plainPort};`],
    ["listen 443 ssl;", `listen 127.0.0.1:${publicPort} ssl;`],
    ["/etc/ssl/certifica/fullchain.pem", files.cert],
    ["/etc/ssl/certifica/privkey.pem", files.key],
    ["/var/log/nginx/certifica.access.log", files.accessLog],
  ];
  for (const [from, to] of replacements) {
    expect(text.split(from).length - 1, `«${from}» once in ${CONFIG}`).toBe(1);
    text = text.replace(from, to);
  }
  return text;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (nginx?.exitCode !== null || Date.now() > deadline) reject(new Error(`nginx did not listen on ${port}:\n${nginxOutput}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

// One request to nginx's public (https) port from `machine`, as a browser at the public address sends it.
function send(
  machine: string,
  method: "GET" | "POST",
  pathname: string,
  headers: Record<string, string | number> = {},
  body?: string | Buffer,
): Promise<TReply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        servername: "localhost",
        port: publicPort,
        ca,
        localAddress: machine,
        method,
        path: pathname,
        agent: false,
        headers: { Host: `localhost:${publicPort}`, ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

// A sign-in at Auth.js's endpoint (the sign-in form's plain-POST twin, which runs the same
// authorize()) from `machine`, optionally claiming another address in X-Forwarded-For. "ok" or the
// refusal code of Auth.js's redirect ("invalid", "blocked-<minutes>").
async function signInFrom(machine: string, email: string, password: string, forwardedFor?: string): Promise<string> {
  const claim: Record<string, string> = forwardedFor ? { "X-Forwarded-For": forwardedFor } : {};
  const csrf = await send(machine, "GET", "/api/auth/csrf", claim);
  expect(csrf.status).toBe(200);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString();
  const reply = await send(machine, "POST", "/api/auth/callback/credentials", { ...claim, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, form);
  expect(reply.status).toBe(302);
  if ((reply.headers["set-cookie"] ?? []).some((c) => /session-token=[^;]+/.test(c))) return "ok";
  return new URL(String(reply.headers.location), "http://x").searchParams.get("code") ?? `sin código: ${reply.headers.location}`;
}

// A command of the guide, as the operator types it, on the instances' database and storage.
function npmRun(args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", ...args],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: dbUrl, STORAGE_DIR: path.join(root, "files") }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

// Which instance wrote the log line of the request nginx gave this id.
function answeredBy(requestId: string): ("a" | "b")[] {
  return [
    ...(a.lines().some((l) => l.requestId === requestId) ? (["a"] as const) : []),
    ...(b.lines().some((l) => l.requestId === requestId) ? (["b"] as const) : []),
  ];
}

// Which instance logged each request, once the lines are in (written when the response is done: a
// line may reach this process just after the answer). "a+b" would be a request both served.
async function instancesOf(ids: string[]): Promise<string[]> {
  await expect.poll(() => ids.every((id) => answeredBy(id).length > 0), { timeout: 30_000 }).toBe(true);
  return ids.map((id) => answeredBy(id).join("+"));
}

beforeAll(async () => {
  const nginxBin = findNginx();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-nginx-"));
  // An empty database, migrated once by the guide's command before any instance starts.
  dbName = `certifica_nginx_${path.basename(root).replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
  const migrated = npmRun(["db:migrate"]);
  // nginx's workers run as another user when the test runs as root: they must reach the folder.
  fs.chmodSync(root, 0o755);
  const [portA, portB] = [await freePort(), await freePort()];
  publicPort = await freePort();
  plainPort = await freePort();

  // A certificate for "localhost", trusted by this test's client only.
  const cert = path.join(root, "cert.pem");
  const key = path.join(root, "key.pem");
  const openssl = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
    { encoding: "utf8" },
  );
  if (openssl.status !== 0) throw new Error(`openssl: ${openssl.stderr}`);
  ca = fs.readFileSync(cert, "utf8");

  const site = path.join(root, "certifica.conf");
  fs.writeFileSync(site, fillExample({ a: portA, b: portB }, { cert, key, accessLog: path.join(root, "access.log") }));
  // The rest of an nginx.conf, as Debian's would include conf.d/certifica.conf, in this folder.
  const main = path.join(root, "nginx.conf");
  fs.writeFileSync(
    main,
    [
      "worker_processes 1;",
      `pid ${path.join(root, "nginx.pid")};`,
      "error_log stderr notice;",
      "events { worker_connections 256; }",
      "http {",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${path.join(root, `tmp-${t}`)};`),
      `  include ${site};`,
      "}",
      "",
    ].join("\n"),
  );
  const args = ["-e", "stderr", "-p", root, "-c", main];
  // `nginx -t`, as the guide says to run before a reload.
  const check = spawnSync(nginxBin, [...args, "-t"], { encoding: "utf8" });
  expect(check.status, check.stderr).toBe(0);

  const migrate = await migrated;
  expect(migrate.status, migrate.out).toBe(0);
  expect(migrate.out).toContain("migraciones aplicadas:");
  ({ prisma: db, close: closeDb } = createPrisma(dbUrl));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    STORAGE_DIR: path.join(root, "files"),
    PKI_DIR: path.join(root, "pki"),
    AUTH_SECRET,
    APP_BASE_URL: `https://localhost:${publicPort}`,
    TRUSTED_PROXY_HOPS: "1",
    LOG_LEVEL: "info",
    READINESS_TIMEOUT_MS: "60000",
  };
  [a, b] = await Promise.all([startServeProcess(env, portA), startServeProcess(env, portB)]);

  // Not a daemon: a child of this process, stopped by its pid in afterAll.
  nginx = spawn(nginxBin, [...args, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  nginxExited = new Promise((resolve) => nginx!.once("exit", resolve));
  for (const stream of [nginx.stdout!, nginx.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (c: string) => (nginxOutput += c));
  }
  // A bound no busy machine reaches: what is checked is that nginx listens, not how soon.
  await waitForPort(publicPort, 120_000);
  // As a balancer with active checks would: traffic only once each instance says it is ready (the
  // first probe also opens the instance's database client, slow on a loaded machine).
  for (const server of [a, b]) expect((await fetch(`${server.baseUrl}/api/salud/lista`)).status).toBe(200);
}, 240_000);

// What nginx and the instances said, printed only when a test failed.
afterEach(({ task }) => {
  if (task.result?.state !== "fail") return;
  const tail = (server: TServeProcess | undefined) =>
    (server?.lines() ?? []).slice(-40).map((l) => JSON.stringify(l)).join("\n");
  console.error(`nginx:\n${nginxOutput.slice(-4000)}\ninstance a:\n${tail(a)}\ninstance b:\n${tail(b)}`);
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    nginx.kill("SIGTERM");
    await nginxExited;
  }
  for (const server of [a, b]) {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }
  await closeDb?.();
  if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("docs/deployment/nginx.conf in front of two instances (issue #15 §6)", () => {
  it("sends requests to both instances with nginx's request id, answers the readiness probe, and sends plain http to https", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const live = await send("127.0.0.2", "GET", "/api/salud");
      expect(live.status).toBe(200);
      ids.push(String(live.headers["x-request-id"]));
    }
    // nginx's $request_id (32 hex digits), kept by the app behind its one trusted proxy.
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    const served = await instancesOf(ids);
    expect(new Set(served)).toEqual(new Set(["a", "b"]));
    // The same id in nginx's access line, with the instance that answered.
    const access = fs.readFileSync(path.join(root, "access.log"), "utf8");
    expect(access).toContain(`request_id=${ids[0]} upstream=127.0.0.1:`);

    const ready = await send("127.0.0.2", "GET", "/api/salud/lista");
    expect({ status: ready.status, body: JSON.parse(ready.body) as unknown }).toMatchObject({ status: 200, body: { status: "ok" } });

    // docs/deployment/ops.md's probes, at one instance itself.
    const instance = a.baseUrl.replace("localhost", "127.0.0.1");
    const curlLive = spawnSync("curl", ["-fsS", `${instance}/api/salud`], { encoding: "utf8" });
    expect({ status: curlLive.status, out: curlLive.stdout }).toEqual({ status: 0, out: '{"status":"ok"}' });
    const curlReady = spawnSync("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}\\n", `${instance}/api/salud/lista`], { encoding: "utf8" });
    expect(curlReady.stdout).toBe("200\n");

    const plain = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: "127.0.0.1", port: plainPort, path: "/ingresar?x=1", headers: { Host: "localhost" } }, resolve).on("error", reject),
    );
    plain.resume();
    expect({ status: plain.statusCode, location: plain.headers.location }).toEqual({ status: 301, location: "https://localhost/ingresar?x=1" });
  });

  it("a file just over the app's upload limit reaches the app, which answers it itself; only a larger body gets nginx's 413", async () => {
    const justOver = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    const reply = await send("127.0.0.2", "POST", "/api/uploads", { "Content-Type": "application/pdf", "X-File-Name": "acta.pdf", "X-File-Kind": "DIPLOMA" }, justOver);
    // The app's JSON refusal (no session here), not nginx's page.
    expect(reply.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });

    // 22 MB announced: nginx refuses on the headers alone, before the body.
    const tooLarge = await send("127.0.0.2", "POST", "/api/uploads", { "Content-Type": "application/pdf", "Content-Length": 22 * 1024 * 1024 });
    expect(tooLarge.status).toBe(413);
  });

  it("the sign-in throttle counts the client's own address, which a forged X-Forwarded-For does not change", async () => {
    const email = "nadie.proxy@example.com";
    const codes: string[] = [];
    // Five wrong passwords from one machine: the first four are free, the fifth makes it wait.
    for (let i = 1; i <= 5; i++) codes.push(await signInFrom("127.0.0.2", email, `Incorrecta-${i}`));
    expect(codes).toEqual(["invalid", "invalid", "invalid", "invalid", "blocked-1"]);
    // Another machine on the same account is counted apart (not the proxy's one address for all).
    expect(await signInFrom("127.0.0.3", email, "Incorrecta-6")).toBe("invalid");
    // The blocked machine claiming to be the other one, or a fresh address: nginx appends its real
    // address and the app trusts exactly that one hop, so it is still blocked.
    expect(await signInFrom("127.0.0.2", email, "Incorrecta-7", "127.0.0.3")).toBe("blocked-1");
    expect(await signInFrom("127.0.0.2", email, "Incorrecta-8", "203.0.113.9, 198.51.100.7")).toBe("blocked-1");

    // What the instances counted, in the one database both share: the two machines, never nginx's
    // own address nor a forged one.
    const keys = (await db.loginThrottle.findMany({ select: { key: true } })).map((r) => r.key).sort();
    expect(keys).toEqual([`account:${email}`, "ip:127.0.0.2", "ip:127.0.0.3", `pair:127.0.0.2|${email}`, `pair:127.0.0.3|${email}`]);
  });

  it("the guide's daily commands run from one machine while both instances serve", async () => {
    // docs/deployment/store.md's sweep with its options (the deleting run, not --dry-run) and the audit check.
    const [sweep, audit] = await Promise.all([
      npmRun(["storage:sweep", "--", "--min-age-hours=48", "--tmp-min-age-hours=2"]),
      npmRun(["audit:verify"]),
    ]);
    expect(sweep.status, sweep.out).toBe(0);
    expect(sweep.out).toMatch(/"message":"storage sweep"/);
    expect(sweep.out).toMatch(/"dryRun":false/);
    expect(audit.status, audit.out).toBe(0);
  });

  it("a stopped instance is routed around: every request is answered by the other", async () => {
    b.child.kill("SIGTERM");
    expect(await b.exited).toEqual({ code: 0, signal: null });

    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const page = await send("127.0.0.4", "GET", i % 2 ? "/ingresar" : "/api/salud");
      expect(page.status).toBe(200);
      ids.push(String(page.headers["x-request-id"]));
    }
    expect(await instancesOf(ids)).toEqual(["a", "a", "a", "a"]);
    // A POST too (Auth.js's sign-in) is answered, by the instance still running.
    expect(await signInFrom("127.0.0.4", "nadie.proxy@example.com", "Incorrecta-9")).toBe("invalid");
  });
});
