import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { deriveShareLinkToken } from "@/lib/sharing/derive-share-link-token";
import { listShareLinks } from "@/lib/sharing/list-share-links";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";
import { MAX_ACTIVE_SHARE_LINKS } from "@/lib/sharing/share-link-policy";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { listVerificationEvents } from "@/lib/verification/list-verification-events";
import { recordVerificationEvent } from "@/lib/verification/record-verification-event";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Share links on PostgreSQL: only the holder creates, lists and revokes them, only for an issued
// and valid certification, within the expiry bounds and the active-link limit; a link stops
// resolving when it expires or is revoked; the download route (called as Next.js calls it) serves
// the issued PDF only while everything is valid; and the holder's verification log.

const SECRET = "integration-share-secret-0123456789";
const DAY = 24 * 60 * 60 * 1000;

type TActor = { id: string; roles: Role[]; dideducId: string | null };

let tdb: TTestDatabase;
let db: PrismaClient;
let root: string;
let storage: LocalDiskStorage;
let holder: TActor;
let other: TActor;
let staff: TActor;
let pdfBytes: Buffer;
let counter = 0;

async function user(email: string, roles: Role[]): Promise<TActor> {
  const u = await db.user.create({ data: { email, name: email.split("@")[0], passwordHash: "x", roles } });
  return { id: u.id, roles: u.roles, dideducId: null };
}

// A case as issuance leaves it: ISSUED, a verification code, the ISSUED file in storage. Fixture
// rows, not the workflow: what is under test here starts after issuance.
async function issuedCase(state: "ISSUED" | "REVOKED" | "CENTRAL_REVIEW" = "ISSUED") {
  counter += 1;
  const stored = await storage.put(pdfBytes);
  const c = await db.case.create({
    data: {
      number: `EE-2027-${String(counter).padStart(6, "0")}`,
      procedure: "EDUCATIONAL_RECORD",
      state,
      applicantId: holder.id,
      verificationCode: `SHAR-${String(counter).padStart(4, "0")}-TEST`,
      issuedAt: state === "CENTRAL_REVIEW" ? null : new Date(),
      revokedAt: state === "REVOKED" ? new Date() : null,
      revocationCategory: state === "REVOKED" ? "DATA_ERROR" : null,
    },
  });
  if (state !== "CENTRAL_REVIEW") {
    await db.documentVersion.create({ data: { caseId: c.id, stage: "ISSUED", sha256: stored.sha256, size: stored.size, storageKey: stored.key, createdById: staff.id } });
  }
  return c;
}

const create = (caseId: string, extra: Partial<Parameters<typeof createShareLink>[0]> = {}) =>
  createShareLink({ actor: holder, caseId, label: "Universidad de San Carlos", expiresIn: "7", secret: SECRET, baseUrl: "https://certifica.test", db, ...extra });

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors: Record<string, string[]> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; fieldErrors: Record<string, string[]> };
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  root = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-share-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
  pdfBytes = Buffer.from("%PDF-1.7\n% a stand-in for the issued, signed file\n%%EOF\n");
  holder = await user("titular@share.test", ["CITIZEN"]);
  other = await user("otra@share.test", ["CITIZEN"]);
  staff = await user("encargado@share.test", ["CENTRAL_MANAGER"]);
});

afterAll(async () => {
  await tdb?.drop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe("creating, listing and revoking share links", () => {
  it("the holder creates a link: a token that is not stored, an audit event without it, listed as active", async () => {
    const c = await issuedCase();
    const now = new Date();
    const link = await create(c.id, { now, ip: "203.0.113.5" });
    expect(link.token).toBe(deriveShareLinkToken(link.id, { secret: SECRET }));
    expect(link.url).toBe(`https://certifica.test/compartido/${link.token}`);
    expect(link.expiresAt).toEqual(new Date(now.getTime() + 7 * DAY));

    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row).toMatchObject({ caseId: c.id, label: "Universidad de San Carlos", createdById: holder.id, revokedAt: null });
    const mac = link.token.split(".")[1];
    expect(JSON.stringify(row)).not.toContain(mac);

    const audit = await db.auditEvent.findMany({ where: { caseId: c.id } });
    expect(audit.map((a) => a.action)).toEqual(["share_link_created"]);
    expect(audit[0]).toMatchObject({ actorId: holder.id, role: "CITIZEN", note: "Universidad de San Carlos", ip: "203.0.113.5" });
    expect(JSON.stringify(audit[0].data)).not.toContain(mac);

    const listed = await listShareLinks({ actor: holder, caseId: c.id, secret: SECRET, baseUrl: "https://certifica.test", db });
    expect(listed).toHaveLength(1);
    expect(listed![0]).toMatchObject({ id: link.id, url: link.url, state: "active", views: 0, downloads: 0 });
  });

  it("lists newest first with each state: active, expired, revoked", async () => {
    const c = await issuedCase();
    const t0 = new Date(Date.now() - 10 * DAY);
    const old = await create(c.id, { label: "Consulado", expiresIn: "1", now: t0 });
    const revoked = await create(c.id, { label: "Empleador", now: new Date(t0.getTime() + 1000) });
    await revokeShareLink({ actor: holder, shareLinkId: revoked.id, db });
    const active = await create(c.id, { label: "Universidad", expiresIn: "30" });
    const listed = await listShareLinks({ actor: holder, caseId: c.id, secret: SECRET, db });
    expect(listed!.map((l) => [l.id, l.state])).toEqual([
      [active.id, "active"],
      [revoked.id, "revoked"],
      [old.id, "expired"],
    ]);
  });

  it("refuses another citizen and staff (as a missing case), and lists nothing to them", async () => {
    const c = await issuedCase();
    for (const actor of [other, staff]) {
      const r = await refusal(create(c.id, { actor }));
      expect(r.code).toBe("NOT_FOUND");
      expect(await listShareLinks({ actor, caseId: c.id, db })).toBeNull();
    }
    const link = await create(c.id);
    for (const actor of [other, staff]) {
      expect((await refusal(revokeShareLink({ actor, shareLinkId: link.id, db }))).code).toBe("NOT_FOUND");
    }
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).revokedAt).toBeNull();
    expect(await db.shareLink.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("refuses a case that is not issued, and a revoked certification", async () => {
    for (const state of ["CENTRAL_REVIEW", "REVOKED"] as const) {
      const c = await issuedCase(state);
      const r = await refusal(create(c.id));
      expect(r.code, state).toBe("NOT_SHAREABLE");
      expect(r.message).toBe("Solo se puede compartir una certificación emitida y vigente.");
      expect(await db.shareLink.count({ where: { caseId: c.id } })).toBe(0);
    }
  });

  it("refuses a bad label or expiry with the message on its field, and writes nothing", async () => {
    const c = await issuedCase();
    const cases: Array<[Partial<Parameters<typeof createShareLink>[0]>, string]> = [
      [{ label: "  " }, "label"],
      [{ label: "x".repeat(121) }, "label"],
      [{ expiresIn: "0" }, "expiresIn"],
      [{ expiresIn: "91" }, "expiresIn"],
      [{ expiresIn: "date", expiresOn: "2020-01-01" }, "expiresOn"],
      [{ expiresIn: "date", expiresOn: new Date(Date.now() + 120 * DAY).toISOString().slice(0, 10) }, "expiresOn"],
    ];
    for (const [extra, field] of cases) {
      const r = await refusal(create(c.id, extra));
      expect(r.code, JSON.stringify(extra)).toBe("INVALID_INPUT");
      expect(Object.keys(r.fieldErrors), JSON.stringify(extra)).toEqual([field]);
    }
    expect(await db.shareLink.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
  });

  it(`refuses a link beyond ${MAX_ACTIVE_SHARE_LINKS} active ones, even when requested together; expired and revoked ones do not count`, async () => {
    const c = await issuedCase();
    const expired = await create(c.id, { expiresIn: "1", now: new Date(Date.now() - 2 * DAY) });
    const results = await Promise.allSettled(Array.from({ length: MAX_ACTIVE_SHARE_LINKS + 3 }, (_, i) => create(c.id, { label: `Institución ${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_ACTIVE_SHARE_LINKS);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(r.reason.code).toBe("TOO_MANY_SHARE_LINKS");
      expect(r.reason.message).toMatch(/Ya tiene 20 enlaces activos, el máximo\. Revoque los que ya no necesite/);
    }
    expect(expired.id).toBeTruthy();
    const one = (await db.shareLink.findFirstOrThrow({ where: { caseId: c.id, revokedAt: null, expiresAt: { gt: new Date() } } })).id;
    await revokeShareLink({ actor: holder, shareLinkId: one, db });
    await expect(create(c.id, { label: "Una más" })).resolves.toMatchObject({ label: "Una más" });
  });

  it("revoking is idempotent: the second call changes nothing and writes no second audit event", async () => {
    const c = await issuedCase();
    const link = await create(c.id);
    const first = await revokeShareLink({ actor: holder, shareLinkId: link.id, db });
    const second = await revokeShareLink({ actor: holder, shareLinkId: link.id, db, now: new Date(Date.now() + DAY) });
    expect(second.revokedAt).toEqual(first.revokedAt);
    const audit = await db.auditEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["share_link_created", "share_link_revoked"]);
  });
});

describe("resolving a token", () => {
  it("valid until expiresAt, then expired; revoked once revoked; unknown for forged, tampered, other-secret and deleted-id tokens", async () => {
    const c = await issuedCase();
    const now = new Date();
    const link = await create(c.id, { expiresIn: "1", now });
    expect(await resolveShareLink(link.token, { db, secret: SECRET, now })).toMatchObject({ status: "valid", link: { id: link.id, caseId: c.id, verificationCode: c.verificationCode } });
    expect((await resolveShareLink(link.token, { db, secret: SECRET, now: new Date(link.expiresAt.getTime() - 1) })).status).toBe("valid");
    const expired = await resolveShareLink(link.token, { db, secret: SECRET, now: link.expiresAt });
    expect(expired).toMatchObject({ status: "expired", link: { expiresAt: link.expiresAt } });

    await revokeShareLink({ actor: holder, shareLinkId: link.id, db });
    expect((await resolveShareLink(link.token, { db, secret: SECRET })).status).toBe("revoked");

    const [id, mac] = link.token.split(".");
    const tampered = `${id}.${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`;
    for (const token of [tampered, `${id}.${"A".repeat(43)}`, deriveShareLinkToken(id, { secret: "another-secret-entirely" }), deriveShareLinkToken("nosuchlink000000000000000", { secret: SECRET }), "nonsense"]) {
      expect((await resolveShareLink(token, { db, secret: SECRET })).status, token).toBe("unknown");
    }
  });
});

describe("the download route", () => {
  let GET: (req: Request, ctx: { params: Promise<{ token: string }> }) => Promise<Response>;
  const g = globalThis as unknown as { certificaDb?: PrismaClient; certificaStorage?: unknown };
  let ipCounter = 0;

  beforeAll(async () => {
    // The route uses the app's database, storage and AUTH_SECRET: point them at this test's.
    g.certificaDb = db;
    g.certificaStorage = storage;
    process.env.AUTH_SECRET = SECRET;
    // lib/db binds its client when first loaded, and the integration files share one module graph
    // (vitest.config.mts): loaded afresh here, so that it is this file's database and not the
    // (dropped) one of a file that ran before.
    vi.resetModules();
    ({ GET } = await import("@/app/compartido/[token]/documento/route"));
  });

  afterAll(() => {
    delete g.certificaDb;
    delete g.certificaStorage;
  });

  // A fresh client address per request, so the download limit is not what these cases test.
  function download(token: string, ip = `198.51.100.${++ipCounter % 250}`) {
    const req = new Request(`http://localhost/compartido/${token}/documento`, { headers: { "x-forwarded-for": ip } });
    return GET(req, { params: Promise.resolve({ token }) });
  }

  beforeEach(async () => {
    await db.rateLimitCounter.deleteMany();
  });

  it("serves the issued PDF while the link is valid, logged as a download; 410 once revoked; 404 for an unknown token", async () => {
    const c = await issuedCase();
    const link = await create(c.id);
    const ok = await download(link.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(ok.headers.get("content-disposition")).toBe(`attachment; filename="certificacion-${c.number}-firmado.pdf"`);
    const body = Buffer.from(await ok.arrayBuffer());
    expect(body.equals(pdfBytes)).toBe(true);
    expect(createHash("sha256").update(body).digest("hex")).toBe((await db.documentVersion.findFirstOrThrow({ where: { caseId: c.id } })).sha256);
    expect(await db.verificationEvent.findMany({ where: { caseId: c.id }, select: { channel: true, shareLinkId: true } })).toEqual([{ channel: "SHARE_DOWNLOAD", shareLinkId: link.id }]);

    await revokeShareLink({ actor: holder, shareLinkId: link.id, db });
    expect((await download(link.token)).status).toBe(410);
    const [id] = link.token.split(".");
    expect((await download(`${id}.${"A".repeat(43)}`)).status).toBe(404);
    expect((await download("not-a-token")).status).toBe(404);
    expect(await db.verificationEvent.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("410 for an expired link and for a certification revoked after the link was made", async () => {
    const c = await issuedCase();
    const expired = await create(c.id, { expiresIn: "1", now: new Date(Date.now() - 2 * DAY) });
    expect((await download(expired.token)).status).toBe(410);

    const valid = await create(c.id);
    expect((await download(valid.token)).status).toBe(200);
    // Fixture: the certification revoked (the workflow's revoke transition does this in the app).
    await db.case.update({ where: { id: c.id }, data: { state: "REVOKED", revokedAt: new Date(), revocationCategory: "ISSUED_IN_ERROR" } });
    const gone = await download(valid.token);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await gone.text()).toMatch(/ya no da acceso al documento[\s\S]*no longer gives access/);
  });

  it("answers 429 with Retry-After past the download limit for one client, while another client is still served", async () => {
    const c = await issuedCase();
    const link = await create(c.id);
    for (let i = 0; i < 20; i++) expect((await download(link.token, "192.0.2.77")).status, `request ${i + 1}`).toBe(200);
    const limited = await download(link.token, "192.0.2.77");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await download(link.token, "192.0.2.78")).status).toBe(200);
    expect(await db.verificationEvent.count({ where: { caseId: c.id, channel: "SHARE_DOWNLOAD" } })).toBe(21);
  });
});

describe("the holder's verification log", () => {
  it("newest first, the last 50 and a count of all, with share-link labels; only for the holder", async () => {
    const c = await issuedCase();
    const link = await create(c.id, { label: "Universidad de San Carlos" });
    const t0 = Date.now() - DAY;
    await recordVerificationEvent({ caseId: c.id, channel: "PAGE", ip: "203.0.113.1" }, { db, now: new Date(t0) });
    await recordVerificationEvent({ caseId: c.id, channel: "FILE_CHECK", matched: false }, { db, now: new Date(t0 + 1000) });
    await recordVerificationEvent({ caseId: c.id, channel: "FILE_CHECK", matched: true }, { db, now: new Date(t0 + 2000) });
    await recordVerificationEvent({ caseId: c.id, channel: "API" }, { db, now: new Date(t0 + 3000) });
    await recordVerificationEvent({ caseId: c.id, channel: "SHARE_LINK", shareLinkId: link.id }, { db, now: new Date(t0 + 4000) });
    await recordVerificationEvent({ caseId: c.id, channel: "SHARE_DOWNLOAD", shareLinkId: link.id }, { db, now: new Date(t0 + 5000) });

    const log = await listVerificationEvents({ actor: holder, caseId: c.id, db });
    expect(log!.total).toBe(6);
    expect(log!.entries.map((e) => [e.channel, e.matched, e.shareLinkLabel])).toEqual([
      ["SHARE_DOWNLOAD", null, "Universidad de San Carlos"],
      ["SHARE_LINK", null, "Universidad de San Carlos"],
      ["API", null, null],
      ["FILE_CHECK", true, null],
      ["FILE_CHECK", false, null],
      ["PAGE", null, null],
    ]);
    // No address reaches what the holder reads.
    expect(JSON.stringify(log)).not.toContain("203.0.113.1");

    for (let i = 0; i < 55; i++) await recordVerificationEvent({ caseId: c.id, channel: "PAGE" }, { db, now: new Date(t0 + 10_000 + i * 1000) });
    const long = await listVerificationEvents({ actor: holder, caseId: c.id, db });
    expect(long!.total).toBe(61);
    expect(long!.entries).toHaveLength(50);
    expect(long!.entries[0].createdAt).toEqual(new Date(t0 + 10_000 + 54 * 1000));

    expect(await listVerificationEvents({ actor: other, caseId: c.id, db })).toBeNull();
    expect(await listVerificationEvents({ actor: staff, caseId: c.id, db })).toBeNull();
  });
});
