import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import "@hyperjump/json-schema/formats";
import { BASIC } from "@hyperjump/json-schema/experimental";
import { setShouldValidateFormat, validate } from "@hyperjump/json-schema/openapi-3-1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as comparar from "@/app/api/v1/verificaciones/[code]/comparar/route";
import * as verificaciones from "@/app/api/v1/verificaciones/[code]/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { signAndIssue } from "@/lib/cases/signing/sign-case-with-signer";
import { createPrisma } from "@/lib/db/create-prisma";
import type { VerificationChannel } from "@/lib/generated/prisma/enums";
import { appUrl } from "@/lib/http/app-url";
import { RATE_LIMITS } from "@/lib/http/rate-limit";
import { handleCompareRequest } from "@/lib/verification/api/handle-compare-request";
import { handleVerificationRequest } from "@/lib/verification/api/handle-verification-request";
import { findVerificationCached } from "@/lib/verification/find-verification-cached";
import { openVerification } from "@/lib/verification/open-verification";
import { createVerificationCache } from "@/lib/verification/verification-cache";
import { transition } from "@/lib/workflow/transition";
import { createCertifyWorld, type TCertifyWorld } from "../certify/certify-world";
import { signingSteps } from "../certify/signing-steps";

// The verification API (issue #11 part 4) on PostgreSQL, through its handlers with real Request
// objects: each status (issued, in process, revoked with its category, replaced and its re-issue,
// cancelled), 404, 400, the file comparison, the events recorded for the holder, the rate limits,
// CORS — and every JSON answer validated against the OpenAPI document the API itself serves, with
// @hyperjump/json-schema (an implementation of OpenAPI 3.1's schema dialect, JSON Schema 2020-12
// plus the OAS vocabulary), which also validates the document against the official OpenAPI 3.1
// schema.

const BASE = "https://certifica.mineduc.gob.gt";
let w: TCertifyWorld;
let steps: ReturnType<typeof signingSteps>;
// JSON read back from the API.
let openApi: any;
let openApiUri: string;

type TCaseRef = { id: string; number: string; code: string; sha256: string | null };
const cases = {} as { issued: TCaseRef; revoked: TCaseRef; replaced: TCaseRef; reissue: TCaseRef; inProcess: TCaseRef; cancelled: TCaseRef };

async function ref(id: string): Promise<TCaseRef> {
  const c = await w.db.case.findUniqueOrThrow({ where: { id } });
  const doc = await w.db.documentVersion.findFirst({ where: { caseId: id, stage: "ISSUED" } });
  return { id, number: c.number, code: c.verificationCode!, sha256: doc?.sha256 ?? null };
}

async function issue(reissueOfId?: string): Promise<string> {
  const { caseId, version } = await steps.caseAwaitingCentral();
  if (reissueOfId) await w.db.case.update({ where: { id: caseId }, data: { reissueOfId } });
  await signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: version, signer: w.signer("central-assistant"), ip: null }, w.options);
  await w.expectIssuedPdfValid(caseId);
  return caseId;
}

beforeAll(async () => {
  w = await createCertifyWorld();
  steps = signingSteps(() => w);

  const issuedId = await issue();
  const revokedId = await issue();
  const r = await w.db.case.findUniqueOrThrow({ where: { id: revokedId } });
  await transition(revokedId, "revoke", w.actors.coordinator, { category: "FORGED_SUPPORT", note: "Nota interna: el sello del certificado es falso", confirmNumber: r.number }, r.version, { db: w.db });
  const oldId = await issue();
  const newId = await issue(oldId);
  // The re-issue's own issuance revokes the one it replaces once that workstream is merged; until
  // then the system transition is taken here, as it would take it.
  const old = await w.db.case.findUniqueOrThrow({ where: { id: oldId } });
  if (old.state === "ISSUED") await transition(oldId, "replace", w.actors.assistant, { replacementCaseId: newId }, old.version, { db: w.db });
  const inProcess = await steps.caseAwaitingSignature();
  const toCancel = await steps.caseAwaitingSignature();
  await transition(toCancel.caseId, "reject_definitively", w.actors.signer, { reason: "Los certificados presentados no corresponden al estudiante." }, toCancel.version, { db: w.db });

  Object.assign(cases, {
    issued: await ref(issuedId),
    revoked: await ref(revokedId),
    replaced: await ref(oldId),
    reissue: await ref(newId),
    inProcess: await ref(inProcess.caseId),
    cancelled: await ref(toCancel.caseId),
  });

  // The document as the API serves it, saved where the validator reads OpenAPI documents from
  // (a file named *.openapi.json).
  const served = await openapiRoute.GET(new Request(`${BASE}/api/v1/openapi.json`));
  expect(served.status).toBe(200);
  openApi = await served.json();
  const file = path.join(w.root, "served.openapi.json");
  fs.writeFileSync(file, JSON.stringify(openApi));
  openApiUri = pathToFileURL(file).href;
  setShouldValidateFormat(true);
}, 300_000);

afterAll(async () => {
  await w?.cleanup();
});

let ipCounter = 0;
// Each test its own client address and its own minute, so the limits never carry over.
function client() {
  ipCounter += 1;
  return { ip: `203.0.113.${ipCounter}`, now: new Date(Date.UTC(2027, 0, 1, 10, ipCounter, 30)) };
}

function get(code: string, c = client(), headers: Record<string, string> = {}) {
  const req = new Request(`${BASE}/api/v1/verificaciones/${encodeURIComponent(code)}`, { headers: { "x-forwarded-for": c.ip, ...headers } });
  return handleVerificationRequest(req, code, { db: w.db, now: c.now, baseUrl: BASE });
}

function compare(code: string, body: unknown, c = client(), headers: Record<string, string> = {}) {
  const req = new Request(`${BASE}/api/v1/verificaciones/${encodeURIComponent(code)}/comparar`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": c.ip, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return handleCompareRequest(req, code, { db: w.db, now: c.now, baseUrl: BASE });
}

function pointer(...segments: string[]): string {
  return segments.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1").replace(/\{/g, "%7B").replace(/\}/g, "%7D")).join("/");
}

// The answer is JSON, open to any origin, and its status and body are the ones the served
// document gives for this operation.
async function documented(res: Response, apiPath: string, method: "get" | "post"): Promise<any> {
  const status = String(res.status);
  expect(openApi.paths[apiPath]?.[method]?.responses[status], `${method.toUpperCase()} ${apiPath} → ${status} is documented`).toBeDefined();
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.get("cache-control")).toBe("no-store");
  const body = await res.json();
  const out = await validate(`${openApiUri}#/${pointer("paths", apiPath, method, "responses", status, "content", "application/json", "schema")}`, body, BASIC);
  expect(out, JSON.stringify(body)).toEqual({ valid: true });
  return body;
}

async function documentedError(res: Response): Promise<any> {
  const body = await res.json();
  expect(await validate(`${openApiUri}#/components/schemas/Error`, body, BASIC)).toEqual({ valid: true });
  return body;
}

async function events(caseId: string, channel: VerificationChannel) {
  return w.db.verificationEvent.findMany({ where: { caseId, channel }, orderBy: { createdAt: "asc" } });
}

const V = "/api/v1/verificaciones/{code}";
const C = "/api/v1/verificaciones/{code}/comparar";

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, served as JSON to any origin, with the schemas the handlers use", async () => {
    expect(await validate("https://spec.openapis.org/oas/3.1/schema-base", openApi, BASIC)).toEqual({ valid: true });
    expect(openApi).toMatchObject({ openapi: "3.1.0", servers: [{ url: appUrl("") }] });
    const schemas = openApi.components.schemas;
    expect(Object.keys(schemas).sort()).toEqual(["CompareRequest", "CompareResult", "Error", "Verification"]);
    expect(Object.keys(schemas.Verification.properties)).toEqual([
      "code", "status", "documentType", "procedure", "holder", "issuingOffices", "signers", "issuedAt", "revokedAt", "revocation", "replacedBy", "replaces", "file", "verificationUrl",
    ]);
    // A document that breaks the OpenAPI schema is caught by the same check (the validator is not a stub).
    expect((await validate("https://spec.openapis.org/oas/3.1/schema-base", { ...openApi, info: { title: "x" } }, BASIC)).valid).toBe(false);
  });

  it("is what GET /api/v1/openapi.json serves, with CORS, and refuses other methods with the API's JSON 405", async () => {
    const res = await openapiRoute.GET(new Request(`${BASE}/api/v1/openapi.json`));
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const served = await res.json();
    const out = await validate(`${openApiUri}#/${pointer("paths", "/api/v1/openapi.json", "get", "responses", "200", "content", "application/json", "schema")}`, served, BASIC);
    expect(out).toEqual({ valid: true });
    const post = openapiRoute.POST(new Request(`${BASE}/api/v1/openapi.json`, { method: "POST" }));
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect((await documentedError(post)).error.code).toBe("METHOD_NOT_ALLOWED");
  });
});

describe("GET /api/v1/verificaciones/{code}", () => {
  it("an issued certification: status, procedure, masked holder, offices, signers with their times, file; an API event for the holder", async () => {
    const c = cases.issued;
    const before = (await events(c.id, "API")).length;
    const res = await get(c.code);
    expect(res.status).toBe(200);
    const body = await documented(res, V, "get");
    const row = await w.db.case.findUniqueOrThrow({ where: { id: c.id } });
    const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId: c.id, stage: "ISSUED" } });
    expect(body).toMatchObject({
      code: c.code,
      status: "issued",
      procedure: { code: "D.1.1", name: { es: "Certificación de expediente educativo", en: "Certification of school records" } },
      holder: { maskedName: expect.stringMatching(/^María J\S* \S*\*/) },
      issuedAt: row.issuedAt!.toISOString(),
      revokedAt: null,
      revocation: null,
      replacedBy: null,
      replaces: null,
      file: { sha256: doc.sha256, size: doc.size },
      verificationUrl: `${BASE}/verificar/${c.code}`,
    });
    expect(body.holder.maskedName).not.toContain("Ixcot");
    expect(body.issuingOffices.length).toBeGreaterThan(0);
    expect(body.signers).toHaveLength(2);
    for (const s of body.signers) expect(s).toMatchObject({ name: expect.any(String), office: expect.any(String), signedAt: expect.any(String), timestampedAt: expect.any(String) });
    // Nothing the page does not show: no case number, no internal ids.
    expect(JSON.stringify(body)).not.toContain(c.number);
    expect(JSON.stringify(body)).not.toContain(c.id);
    expect(await events(c.id, "API")).toHaveLength(before + 1);
  });

  it("tolerates the spellings a person types (lower case, no dashes, look-alike letters)", async () => {
    const loose = cases.issued.code.replace(/-/g, "").toLowerCase();
    const body = await documented(await get(loose), V, "get");
    expect(body.code).toBe(cases.issued.code);
  });

  it("a revoked certification: revoked, with its date and public category in both languages, never the internal note", async () => {
    const c = cases.revoked;
    const row = await w.db.case.findUniqueOrThrow({ where: { id: c.id } });
    const body = await documented(await get(c.code), V, "get");
    expect(body).toMatchObject({
      status: "revoked",
      revokedAt: row.revokedAt!.toISOString(),
      revocation: { category: "FORGED_SUPPORT", label: { es: "Documento de respaldo falso o alterado", en: "Forged or altered supporting document" } },
      file: { sha256: c.sha256 },
    });
    expect(JSON.stringify(body)).not.toContain("Nota interna");
    expect(JSON.stringify(body)).not.toContain("sello del certificado");
  });

  it("a replaced certification names its re-issue, and the re-issue names the one it replaces", async () => {
    const old = await documented(await get(cases.replaced.code), V, "get");
    expect(old).toMatchObject({ status: "revoked", revocation: { category: "REPLACED", label: { en: "Replaced by a corrected certification" } }, replacedBy: cases.reissue.code, replaces: null });
    const reissue = await documented(await get(cases.reissue.code), V, "get");
    expect(reissue).toMatchObject({ status: "issued", replacedBy: null, replaces: cases.replaced.code, revocation: null });
  });

  it("in process: no issue date and no file yet; cancelled: no file", async () => {
    const inProcess = await documented(await get(cases.inProcess.code), V, "get");
    expect(inProcess).toMatchObject({ status: "in_process", issuedAt: null, file: null, revocation: null });
    const cancelled = await documented(await get(cases.cancelled.code), V, "get");
    expect(cancelled).toMatchObject({ status: "cancelled", issuedAt: null, file: null, revokedAt: null });
  });

  it("an unknown or malformed code: 404 with a code and a Spanish and English message, and no event", async () => {
    const before = await w.db.verificationEvent.count();
    for (const code of ["ZZZZ-ZZZZ-ZZZZ", "no-es-un-codigo", "%ZZ", "ABCD"]) {
      const res = await get(code);
      expect(res.status, code).toBe(404);
      const body = await documented(res, V, "get");
      expect(body.error).toEqual({
        code: "NOT_FOUND",
        message: { es: "No existe ningún documento con este código de verificación.", en: "No document carries this verification code." },
      });
    }
    expect(await w.db.verificationEvent.count()).toBe(before);
  });

  it("answers 429 with Retry-After past the limit, counted per client", async () => {
    const c = client();
    const { limit } = RATE_LIMITS.api;
    const logged = async () => w.db.verificationEvent.count({ where: { caseId: cases.issued.id, channel: "API" } });
    const before = await logged();
    for (let i = 0; i < limit; i++) expect((await get(cases.issued.code, c)).status).toBe(200);
    // Counted, looked up and logged in one statement (lib/verification/open-verification.ts): every
    // answered look is in the holder's log, the refused one is not.
    expect(await logged()).toBe(before + limit);
    const over = await get(cases.issued.code, c);
    expect(over.status).toBe(429);
    expect(await logged()).toBe(before + limit);
    // c.now is 30 s into its minute.
    expect(over.headers.get("retry-after")).toBe("30");
    expect(over.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect((await documented(over, V, "get")).error.code).toBe("RATE_LIMITED");
    // Another client in the same minute is not affected.
    expect((await get(cases.issued.code, { ip: "198.51.100.7", now: c.now })).status).toBe(200);
  });

  it("an unexpected failure: 500 with the request id in the body, logged", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = "/certifica_no_such_database";
    const broken = createPrisma(url.toString());
    try {
      const req = new Request(`${BASE}/api/v1/verificaciones/${cases.issued.code}`, { headers: { "x-request-id": "req-verif-api-0001" } });
      const res = await handleVerificationRequest(req, cases.issued.code, { db: broken.prisma });
      expect(res.status).toBe(500);
      expect(res.headers.get("x-request-id")).toBe("req-verif-api-0001");
      const body = await documented(res, V, "get");
      expect(body.error).toMatchObject({ code: "INTERNAL_ERROR", requestId: "req-verif-api-0001" });
      expect(JSON.stringify(body)).not.toMatch(/prisma|database|stack/i);
    } finally {
      await broken.close();
    }
  });
});

describe("POST /api/v1/verificaciones/{code}/comparar", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");

  async function validRequest(body: { sha256: string }) {
    const out = await validate(`${openApiUri}#/${pointer("paths", C, "post", "requestBody", "content", "application/json", "schema")}`, body, BASIC);
    expect(out).toEqual({ valid: true });
  }

  it("the issued file matches, another does not; each check is a FILE_CHECK event with its outcome", async () => {
    const c = cases.issued;
    await validRequest({ sha256: c.sha256! });
    const match = await documented(await compare(c.code, { sha256: c.sha256!.toUpperCase() }), C, "post");
    expect(match).toEqual({ code: c.code, matches: true, status: "issued", message: { es: "El archivo coincide: es exactamente el documento emitido.", en: "The file matches: it is exactly the issued document." } });
    const other = await documented(await compare(c.code.toLowerCase(), { sha256: sha("otro archivo") }), C, "post");
    expect(other).toMatchObject({ code: c.code, matches: false, status: "issued", message: { en: expect.stringMatching(/does not match/) } });
    expect((await events(c.id, "FILE_CHECK")).map((e) => e.matched)).toEqual([true, false]);
  });

  it("a revoked certification's file: it is the issued one, but no longer valid", async () => {
    const body = await documented(await compare(cases.revoked.code, { sha256: cases.revoked.sha256 }), C, "post");
    expect(body).toEqual({
      code: cases.revoked.code,
      matches: true,
      status: "revoked",
      message: {
        es: "El archivo es el emitido, pero la certificación fue anulada: ya no es válida.",
        en: "The file was issued, but the certification has been revoked: it is no longer valid.",
      },
    });
    expect((await events(cases.revoked.id, "FILE_CHECK")).map((e) => e.matched)).toEqual([true]);
  });

  it("nothing issued under the code: no file matches", async () => {
    const body = await documented(await compare(cases.inProcess.code, { sha256: sha("x") }), C, "post");
    expect(body).toMatchObject({ matches: false, status: "in_process", message: { en: "No document has been issued under this code, so no file can match." } });
  });

  it("a body that is not {sha256: <64 hex>}: 400 with the API's error, nothing recorded", async () => {
    const before = await w.db.verificationEvent.count();
    for (const body of ["{not json", "", "[]", "null", JSON.stringify({ sha256: "abc" }), JSON.stringify({ sha256: "g".repeat(64) }), JSON.stringify({ hash: sha("x") }), JSON.stringify({ sha256: "a".repeat(5000) })]) {
      const res = await compare(cases.issued.code, body);
      expect(res.status, body.slice(0, 30)).toBe(400);
      const err = await documented(res, C, "post");
      expect(err.error.code).toBe("INVALID_BODY");
      expect(err.error.message.en).toMatch(/sha256/);
    }
    expect(await w.db.verificationEvent.count()).toBe(before);
  });

  it("an unknown or malformed code: 404", async () => {
    for (const code of ["ZZZZ-ZZZZ-ZZZZ", "nope"]) {
      const res = await compare(code, { sha256: sha("x") });
      expect(res.status).toBe(404);
      expect((await documented(res, C, "post")).error.code).toBe("NOT_FOUND");
    }
  });

  it("answers 429 with Retry-After past the compare limit", async () => {
    const c = client();
    const { limit } = RATE_LIMITS.compare;
    for (let i = 0; i < limit; i++) expect((await compare(cases.issued.code, { sha256: sha(`${i}`) }, c)).status).toBe(200);
    const over = await compare(cases.issued.code, { sha256: sha("one more") }, c);
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("30");
    expect((await documented(over, C, "post")).error.code).toBe("RATE_LIMITED");
  });
});

describe("CORS and methods", () => {
  it("answers the browsers' preflight for both endpoints, without credentials", async () => {
    for (const [route, methods] of [
      [verificaciones, "GET, HEAD, OPTIONS"],
      [comparar, "POST, OPTIONS"],
    ] as const) {
      const res = route.OPTIONS();
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")).toBe(methods);
      expect(res.headers.get("access-control-allow-headers")).toBe("Content-Type");
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("refuses the other methods with the API's JSON 405 and the Allow header", async () => {
    const cases405 = [
      [verificaciones.POST, "GET, HEAD, OPTIONS"],
      [verificaciones.DELETE, "GET, HEAD, OPTIONS"],
      [comparar.GET, "POST, OPTIONS"],
      [comparar.PUT, "POST, OPTIONS"],
    ] as const;
    for (const [handler, allow] of cases405) {
      const res = handler(new Request(`${BASE}/api/v1/verificaciones/ABCD-1234-EFGH`));
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const body = await documentedError(res);
      expect(body.error).toMatchObject({ code: "METHOD_NOT_ALLOWED", message: { es: expect.any(String), en: expect.any(String) } });
    }
  });
});

// The verification cache (docs/decisions/0029) with two server instances: two Prisma clients on one
// PostgreSQL database, each with its own cache, as two processes behind a load balancer would be.
describe("the verification cache, with two instances", () => {
  it('"la anulación": a certification revoked through instance B reads as revoked on instance A at once, though A had it cached', async () => {
    const id = await issue();
    const code = (await w.db.case.findUniqueOrThrow({ where: { id } })).verificationCode!;
    const instanceB = createPrisma(w.url);
    try {
      const cacheA = createVerificationCache();
      const cacheB = createVerificationCache();
      const first = await findVerificationCached(code, { db: w.db, cache: cacheA });
      expect(first?.status).toBe("ISSUED");
      // Read again unchanged: the very entry A kept (the full read was skipped).
      expect(await findVerificationCached(code, { db: w.db, cache: cacheA })).toBe(first);

      const c = await instanceB.prisma.case.findUniqueOrThrow({ where: { id } });
      await transition(id, "revoke", w.actors.coordinator, { category: "FORGED_SUPPORT", note: "Nota interna", confirmNumber: c.number }, c.version, { db: instanceB.prisma });

      const onA = await findVerificationCached(code, { db: w.db, cache: cacheA });
      expect(onA?.status).toBe("REVOKED");
      expect(onA?.revocationCategory).toBe("FORGED_SUPPORT");
      expect(onA?.revokedAt).toBeInstanceOf(Date);
      expect(await findVerificationCached(code, { db: instanceB.prisma, cache: cacheB })).toEqual(onA);
      // The revoked one is kept in its turn, and read from the cache while nothing changes.
      expect(await findVerificationCached(code, { db: w.db, cache: cacheA })).toBe(onA);
    } finally {
      await instanceB.close();
    }
  });

  it("an unknown or malformed code finds nothing and keeps nothing", async () => {
    const cache = createVerificationCache();
    expect(await findVerificationCached("0000-0000-0000", { db: w.db, cache })).toBeNull();
    expect(await findVerificationCached("no es un código", { db: w.db, cache })).toBeNull();
    expect(cache.size).toBe(0);
  });
});

// The QR page's side of the same operation (app/verificar/[code]/page.tsx calls it with via PAGE):
// its own limit (60 a minute), its own channel, and the three steps in one statement.
describe("openVerification for the QR page", () => {
  const open = (code: string | null, c: { ip: string; now: Date }) => openVerification({ code, via: "PAGE", ip: c.ip, requestId: "req-page-0001" }, { db: w.db, now: c.now });
  const pageEvents = () => w.db.verificationEvent.count({ where: { caseId: cases.revoked.id, channel: "PAGE" } });
  const counter = async (ip: string) => (await w.db.rateLimitCounter.findUnique({ where: { key: `page:${ip}` } }))?.count ?? 0;

  it("a found code: the certification, one PAGE event; past the page's limit: refused with the time left, no event", async () => {
    const c = client();
    const before = await pageEvents();
    const first = await open(cases.revoked.code, c);
    expect(first.kind).toBe("found");
    if (first.kind === "found") expect(first.verification).toMatchObject({ code: cases.revoked.code, status: "REVOKED" });
    expect(await pageEvents()).toBe(before + 1);
    for (let i = 1; i < RATE_LIMITS.page.limit; i++) expect((await open(cases.revoked.code, c)).kind).toBe("found");
    expect(await pageEvents()).toBe(before + RATE_LIMITS.page.limit);
    expect(await open(cases.revoked.code, c)).toEqual({ kind: "limited", retryAfterSeconds: 30 });
    expect(await pageEvents()).toBe(before + RATE_LIMITS.page.limit);
    expect(await counter(c.ip)).toBe(RATE_LIMITS.page.limit + 1);
  });

  it("an unknown code and one that cannot be a code are counted against the limit, and log nothing", async () => {
    const c = client();
    const before = await w.db.verificationEvent.count();
    expect(await open("ZZZZ-ZZZZ-ZZZZ", c)).toEqual({ kind: "not-found" });
    expect(await open(null, c)).toEqual({ kind: "not-found" });
    expect(await counter(c.ip)).toBe(2);
    expect(await w.db.verificationEvent.count()).toBe(before);
  });
});
