import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionClaims } from "@/lib/auth/session-claims";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import { prepareCaseSigning } from "@/lib/cases/signing/prepare-case-signing";
import { createCertifyWorld, type TCertifyWorld } from "@/tests/integration/certify/certify-world";
import { signingSteps } from "@/tests/integration/certify/signing-steps";
import { createNssDb, runPdfsig } from "@/tests/helpers/pdfsig";
import { freePort, startServeProcess, type TServeProcess } from "@/tests/helpers/serve-process";
import { startTsaGate, type TTsaGate } from "@/tests/helpers/tsa-gate";

// Issue #15 §4 "Operating it", against scripts/serve.mts as a real process on the production build
// (`next build` first) and a real PostgreSQL: the request id in the request's log line and the
// health endpoints; `kill -9` while a signature is being applied leaves the case as it was and the
// same completion succeeds after a restart; SIGTERM while a signature is being applied lets it
// finish, then the process closes the database and exits 0. A second instance on storage of its own
// is refused at start. One world, one server serving at a time.
//
// The signature is applied by the app's own "complete" server action over HTTP (the browser's
// protocol, decision 0017: the key stays with the client, here this process plays the browser), for
// a session cookie written as Auth.js writes it. "The moment a signature is being applied" is the
// server asking the TSA for the signature's timestamp (tests/helpers/tsa-gate.ts): after the value
// was checked, before the signed file is stored and the case's one transaction.

const AUTH_SECRET = "process-test-secret-not-for-production-0123456789";
let w: TCertifyWorld;
let gate: TTsaGate;
let server: TServeProcess;
let env: NodeJS.ProcessEnv;
let port: number;
let completeActionId: string;
const steps = signingSteps(() => w);

beforeAll(async () => {
  completeActionId = findActionId("app/direccion/actions/complete-signing.ts", "completeSigningAction");
  w = await createCertifyWorld();
  gate = await startTsaGate(w.pkiServices.tsaUrl);
  port = await freePort();
  env = {
    ...process.env,
    DATABASE_URL: w.url,
    STORAGE_DIR: path.join(w.root, "files"),
    PKI_DIR: w.pkiDir,
    TSA_URL: gate.url,
    AUTH_SECRET,
    APP_BASE_URL: `http://localhost:${port}`,
    SHUTDOWN_TIMEOUT_SECONDS: "25",
    // The first readiness probe of a fresh process also starts its database client, which on a
    // loaded test machine can outlast the production bound (3 s); what is checked here is the answer.
    READINESS_TIMEOUT_MS: "60000",
  };
  delete env.TSA_USERNAME;
  delete env.TSA_PASSWORD;
  server = await startServeProcess(env, port);
}, 180_000);

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill("SIGKILL");
    await server.exited;
  }
  await gate?.close();
  await w?.cleanup();
});

// The id the build gave a server action (Next.js's server reference manifest), as the page's
// client code knows it.
function findActionId(file: string, exportName: string): string {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportName);
  if (!found) throw new Error(`No server action ${exportName} of ${file} in ${distDir}: build first (npx next build)`);
  return found[0];
}

async function sessionCookie(emailLocal: "firmante.guatemala-norte"): Promise<string> {
  const u = await w.db.user.findUniqueOrThrow({ where: { email: `${emailLocal}@demo.certifica.gt` } });
  const now = Math.floor(Date.now() / 1000);
  const user = { id: u.id, name: u.name, email: u.email, roles: u.roles, delegatedRoles: [], dideducId: u.dideducId };
  const token = await encode({
    token: newSessionClaims(user, { sessionVersion: u.sessionVersion, secondFactor: true }, now),
    secret: AUTH_SECRET,
    salt: "authjs.session-token",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return `authjs.session-token=${token}`;
}

// A D.1.1 case generated and awaiting the DIDEDUC's signature, prepared (in this process, as the
// prepare action would), and the signature value the browser would compute.
async function preparedSignature() {
  const { caseId, version } = await steps.caseAwaitingSignature();
  const signer = w.signer("signer-guatemala-norte");
  const { certificate, chain } = await signer.certificates();
  const prepared = await prepareCaseSigning(
    { actor: w.actors.signer, caseId, expectedVersion: version, action: "sign", certificates: [certificate, ...chain], ip: null },
    w.options,
  );
  const signatureValue = Buffer.from(await signer.sign(Buffer.from(prepared.signedAttributes, "base64"))).toString("base64");
  return { caseId, version, preparedSigningId: prepared.preparedSigningId, signatureValue };
}

// The browser's call of the "complete" server action (components/staff/sign-case-in-browser.ts:
// `complete(null, { preparedSigningId, signatureValue })`), answered as a React Server Components payload.
async function completeOverHttp(caseId: string, input: { preparedSigningId: string; signatureValue: string }): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.baseUrl}/direccion/casos/${caseId}`, {
    method: "POST",
    headers: {
      "Next-Action": completeActionId,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: server.baseUrl,
      Cookie: await sessionCookie("firmante.guatemala-norte"),
    },
    body: JSON.stringify([null, input]),
  });
  const text = await response.text();
  for (const line of text.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m) continue;
    const value = JSON.parse(m[1]) as Record<string, unknown>;
    if (typeof value.ok === "boolean") return value;
  }
  throw new Error(`No action result in the answer (${response.status}): ${text.slice(0, 500)}`);
}

// Signed and consistent: the case moved on, the "sign" audit event and the Signature are there, the
// DIDEDUC_SIGNED version references a stored file whose bytes hash to its key, signed (pdfsig).
async function expectSignedAndConsistent(caseId: string, version: number) {
  const c = await w.db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect(c).toMatchObject({ state: "CENTRAL_REVIEW", version: version + 1 });
  expect(await w.db.auditEvent.count({ where: { caseId, action: "sign" } })).toBe(1);
  expect(await w.db.signature.count({ where: { caseId } })).toBe(1);
  const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "DIDEDUC_SIGNED" } });
  const bytes = await w.storage.get(doc.storageKey);
  const file = path.join(w.root, `signed-${caseId}.pdf`);
  fs.writeFileSync(file, bytes);
  const pdfsig = runPdfsig(file, createNssDb([w.pki.rootPem], { dir: path.join(w.root, `nss-${caseId}`) }));
  expect(pdfsig.signatures).toHaveLength(1);
  expect(pdfsig.signatures[0].signatureValidation).toBe("Signature is Valid.");
}

// Nothing half-written referenced: every stored file a row of the case names is there, whole.
async function expectEveryReferencedFileWhole(caseId: string) {
  const keys = [
    ...(await w.db.documentVersion.findMany({ where: { caseId }, select: { storageKey: true } })).map((d) => d.storageKey),
    ...(await w.db.uploadedFile.findMany({ where: { caseId }, select: { storageKey: true } })).map((f) => f.storageKey),
  ];
  for (const key of keys) await expect(w.storage.get(key)).resolves.toBeInstanceOf(Buffer);
}

describe("scripts/serve.mts in operation (issue #15 §4)", () => {
  it("answers the health endpoints, not cached, and writes one JSON line per request with the id it returns", async () => {
    const live = await fetch(`${server.baseUrl}/api/salud`, { headers: { "x-request-id": "chosen-by-a-client" } });
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    expect(live.headers.get("cache-control")).toBe("no-store");
    const id = live.headers.get("x-request-id");
    // No trusted proxy in front (TRUSTED_PROXY_HOPS unset): a client's id is replaced.
    expect(id).toMatch(/^[0-9a-f]{16}$/);

    const ready = await fetch(`${server.baseUrl}/api/salud/lista`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 200,
      body: { status: "ok", checks: { database: { ok: true }, storage: { kind: "local-disk", ok: true }, migrations: { ok: true, pending: 0 } } },
    });
    expect(ready.headers.get("cache-control")).toBe("no-store");

    await fetch(`${server.baseUrl}/ingresar/restablecer?token=secret-in-query`);
    // The line is written when the response is done: it may reach this process just after the answer.
    await expect.poll(() => server.lines().find((l) => l.requestId === id), { timeout: 30_000 }).toMatchObject({
      level: "info",
      message: "request",
      method: "GET",
      route: "/api/salud",
      status: 200,
      durationMs: expect.any(Number),
      time: expect.any(String),
    });
    await expect.poll(() => server.lines().some((l) => l.route === "/ingresar/restablecer"), { timeout: 30_000 }).toBe(true);
    expect(JSON.stringify(server.lines())).not.toContain("secret-in-query");
  });

  it("a second instance on a local storage folder the running one does not share refuses to start, and says why (issue #15 §1)", async () => {
    const own = fs.mkdtempSync(path.join(w.root, "otra-maquina-"));
    const refused = startServeProcess({ ...env, STORAGE_DIR: own }, await freePort());
    await expect(refused).rejects.toThrow(/exited \(1\) before it was ready[\s\S]*no es el mismo que usa/);
    // The one on the shared folder still serves.
    expect((await fetch(`${server.baseUrl}/api/salud`)).status).toBe(200);
  });

  it("kill -9 while a signature is being applied: the case stays as it was, nothing half-written is referenced, and the same completion succeeds after a restart", async () => {
    const { caseId, version, preparedSigningId, signatureValue } = await preparedSignature();
    const before = await steps.snapshot(caseId);

    gate.onNextRequest(() => server.child.kill("SIGKILL"), { hold: true });
    const cut = await completeOverHttp(caseId, { preparedSigningId, signatureValue }).catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(Error);
    expect(await server.exited).toEqual({ code: null, signal: "SIGKILL" });

    expect(await steps.snapshot(caseId)).toEqual(before);
    expect(await w.db.preparedSigning.findUniqueOrThrow({ where: { id: preparedSigningId } })).toMatchObject({ usedAt: null });
    await expectEveryReferencedFileWhole(caseId);

    server = await startServeProcess(env, port);
    const again = await completeOverHttp(caseId, { preparedSigningId, signatureValue });
    expect(again).toEqual({ ok: true, data: { version: version + 1, state: "CENTRAL_REVIEW" } });
    await expectSignedAndConsistent(caseId, version);
    await expectEveryReferencedFileWhole(caseId);
  });

  it("SIGTERM while a signature is being applied: the signing finishes and is answered, then the process closes the database and exits 0", async () => {
    const { caseId, version, preparedSigningId, signatureValue } = await preparedSignature();

    gate.onNextRequest(() => server.child.kill("SIGTERM"));
    const answer = await completeOverHttp(caseId, { preparedSigningId, signatureValue });
    expect(answer).toEqual({ ok: true, data: { version: version + 1, state: "CENTRAL_REVIEW" } });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.lines().find((l) => l.message === "shutting down")).toMatchObject({ signal: "SIGTERM" });
    // The database was opened by the requests and closed after the last one.
    expect(server.lines().find((l) => l.message === "stopped")).toMatchObject({ signal: "SIGTERM", code: 0, databaseClosed: true });
    // It stopped accepting: nothing answers on the port any more.
    await expect(fetch(`${server.baseUrl}/api/salud`)).rejects.toThrow();

    await expectSignedAndConsistent(caseId, version);
    await expectEveryReferencedFileWhole(caseId);
  });
});
