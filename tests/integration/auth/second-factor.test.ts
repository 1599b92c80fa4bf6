import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSync } from "otplib";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { hashPassword } from "@/lib/auth/hash-password";
import { completeSecondFactor } from "@/lib/auth/totp/complete-second-factor";
import { decryptTotpSecret } from "@/lib/auth/totp/decrypt-totp-secret";
import { encryptTotpSecret } from "@/lib/auth/totp/encrypt-totp-secret";
import { issueRecoveryCodes } from "@/lib/auth/totp/issue-recovery-codes";
import { issueSecondFactorChallenge, readSecondFactorChallenge } from "@/lib/auth/totp/second-factor-challenge";
import { SECOND_FACTOR_THROTTLE } from "@/lib/auth/totp/second-factor-throttle-policy";
import { totpStepAt } from "@/lib/auth/totp/totp-codes";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// The second factor's domain on a real database: enrolment, codes, replay, throttle, recovery
// codes, and that a password alone never yields a session for an account that needs it.

let tdb: TTestDatabase;
const PASSWORD = "Firmante-2026-segura";
let hash: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  hash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await tdb?.drop();
});

let n = 0;
async function createAccount(roles: ("DIDEDUC_SIGNER" | "ADMIN" | "CENTRAL_MANAGER" | "CITIZEN" | "DIDEDUC_REVIEWER")[]) {
  n++;
  return tdb.prisma.user.create({ data: { email: `persona${n}@example.test`, name: `Persona ${n}`, passwordHash: hash, roles } });
}

const codeAt = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
// A code that is none of those accepted at `at` (one step either side).
function wrongCodeAt(secret: string, at: Date): string {
  const accepted = new Set([-30_000, 0, 30_000].map((d) => codeAt(secret, new Date(at.getTime() + d))));
  for (let i = 0; ; i++) {
    const candidate = String(i).padStart(6, "0");
    if (!accepted.has(candidate)) return candidate;
  }
}

// Password step, then the pending secret as the enrolment screen would show it.
async function passwordStep(email: string, now: Date) {
  const r = await authenticateCredentials({ email, password: PASSWORD, ip: "10.9.9.9" }, { db: tdb.prisma, now });
  if (r.ok || r.reason !== "SECOND_FACTOR_REQUIRED") throw new Error(`expected the second factor, got ${JSON.stringify(r)}`);
  return r;
}

async function pendingSecret(userId: string): Promise<string> {
  const row = await tdb.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return decryptTotpSecret(row.totpSecret!, userId)!;
}

async function enrol(userId: string, email: string, now: Date) {
  const step = await passwordStep(email, now);
  const secret = await pendingSecret(userId);
  const done = await completeSecondFactor({ challenge: step.challenge, code: codeAt(secret, now) }, { db: tdb.prisma, now });
  if (!done.ok) throw new Error(`enrolment failed: ${done.reason}`);
  return secret;
}

describe("TOTP secret encryption", () => {
  it("round-trips, is bound to its account, and does not open under another key", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const box = encryptTotpSecret(secret, "user-a");
    expect(box).not.toContain(secret);
    expect(box).toMatch(/^v1\./);
    expect(decryptTotpSecret(box, "user-a")).toBe(secret);
    // Same secret, new nonce: two boxes never look alike.
    expect(encryptTotpSecret(secret, "user-a")).not.toBe(box);
    expect(decryptTotpSecret(box, "user-b")).toBeNull();
    const tampered = box.slice(0, -3) + (box.endsWith("A") ? "BBB" : "AAA");
    expect(decryptTotpSecret(tampered, "user-a")).toBeNull();
    const withKey = { ...process.env, TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
    const keyed = encryptTotpSecret(secret, "user-a", withKey);
    expect(decryptTotpSecret(keyed, "user-a", withKey)).toBe(secret);
    expect(decryptTotpSecret(keyed, "user-a")).toBeNull();
    expect(() => encryptTotpSecret(secret, "user-a", { ...process.env, TOTP_ENCRYPTION_KEY: "corta" })).toThrow(/32 bytes/);
  });
});

describe("sign-in of an account that must use a second factor", () => {
  it("the right password gives a challenge, not a session, for every role that needs it; others sign in as before", async () => {
    const now = new Date("2026-05-04T15:00:00Z");
    for (const roles of [["ADMIN"], ["DIDEDUC_SIGNER"], ["CENTRAL_MANAGER"]] as const) {
      const account = await createAccount([...roles]);
      const r = await authenticateCredentials({ email: account.email, password: PASSWORD, ip: null }, { db: tdb.prisma, now });
      expect(r).toMatchObject({ ok: false, reason: "SECOND_FACTOR_REQUIRED", stage: "enrol" });
      expect(r).not.toHaveProperty("user");
      // The challenge names the account and its session version; it carries no password.
      const challenge = readSecondFactorChallenge((r as { challenge: string }).challenge, { now });
      expect(challenge).toMatchObject({ userId: account.id, sessionVersion: 0, stage: "enrol" });
      expect((r as { challenge: string }).challenge).not.toContain(PASSWORD);
      // lastLoginAt waits for the second factor.
      expect((await tdb.prisma.user.findUniqueOrThrow({ where: { id: account.id } })).lastLoginAt).toBeNull();
    }
    const reviewer = await createAccount(["DIDEDUC_REVIEWER"]);
    expect(await authenticateCredentials({ email: reviewer.email, password: PASSWORD, ip: null }, { db: tdb.prisma, now })).toMatchObject({ ok: true, sessionVersion: 0 });
  });

  it("enrolment: a pending secret (encrypted, kept across sign-ins until confirmed), confirmed by its first right code", async () => {
    const db = tdb.prisma;
    const account = await createAccount(["DIDEDUC_SIGNER"]);
    const t0 = new Date("2026-05-04T16:00:00Z");
    const first = await passwordStep(account.email, t0);
    const secret = await pendingSecret(account.id);
    const row = await db.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();
    // Signing in again before confirming shows the same secret (the person may have scanned it).
    await passwordStep(account.email, t0);
    expect(await pendingSecret(account.id)).toBe(secret);

    const wrong = await completeSecondFactor({ challenge: first.challenge, code: wrongCodeAt(secret, t0) }, { db, now: t0 });
    expect(wrong).toEqual({ ok: false, reason: "INVALID" });
    const done = await completeSecondFactor({ challenge: first.challenge, code: codeAt(secret, t0) }, { db, now: t0 });
    expect(done).toMatchObject({ ok: true, enrolled: true, grant: { sessionVersion: 0, secondFactor: true, user: { id: account.id, roles: ["DIDEDUC_SIGNER"] } } });
    const after = await db.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.totpEnabledAt?.toISOString()).toBe(t0.toISOString());
    expect(after.totpLastStep).toBe(totpStepAt(t0));
    expect(after.lastLoginAt?.toISOString()).toBe(t0.toISOString());
    // From now on the password step asks for a code, not an enrolment, and keeps the secret.
    expect((await passwordStep(account.email, new Date(t0.getTime() + 60_000))).stage).toBe("verify");
    expect(await pendingSecret(account.id)).toBe(secret);
  });

  it("refuses a code used once already, even with a new challenge; the next step's code passes", async () => {
    const db = tdb.prisma;
    const account = await createAccount(["ADMIN"]);
    const t0 = new Date("2026-05-04T17:00:00Z");
    const secret = await enrol(account.id, account.email, t0);
    const t1 = new Date(t0.getTime() + 5_000);
    const again = await passwordStep(account.email, t1);
    expect(await completeSecondFactor({ challenge: again.challenge, code: codeAt(secret, t0) }, { db, now: t1 })).toEqual({ ok: false, reason: "REPLAYED" });
    // An older code (one step back is normally tolerated) is refused too: steps only move forward.
    // (Unless it happens to equal the next step's code, one chance in a million.)
    const older = codeAt(secret, new Date(t0.getTime() - 30_000));
    if (older !== codeAt(secret, new Date(t0.getTime() + 30_000))) {
      expect(await completeSecondFactor({ challenge: again.challenge, code: older }, { db, now: t1 })).toMatchObject({ ok: false });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).totpLastStep).toBe(totpStepAt(t0));
    const t2 = new Date(t0.getTime() + 30_000);
    expect(await completeSecondFactor({ challenge: again.challenge, code: codeAt(secret, t2) }, { db, now: t2 })).toMatchObject({ ok: true, enrolled: false });
    // Two requests with one fresh code at once: one gets in.
    const t3 = new Date(t0.getTime() + 60_000);
    const both = await Promise.all([0, 1].map(() => completeSecondFactor({ challenge: again.challenge, code: codeAt(secret, t3) }, { db, now: t3 })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
  });

  it("throttles wrong codes per account: blocked after 5, the right code refused while blocked, fine after the block", async () => {
    const db = tdb.prisma;
    const account = await createAccount(["CENTRAL_MANAGER"]);
    const t0 = new Date("2026-05-04T18:00:00Z");
    const secret = await enrol(account.id, account.email, t0);
    const step = await passwordStep(account.email, t0);
    const results = [];
    for (let i = 1; i <= SECOND_FACTOR_THROTTLE.maxFailures; i++) {
      const at = new Date(t0.getTime() + i * 31_000);
      results.push(await completeSecondFactor({ challenge: step.challenge, code: wrongCodeAt(secret, at) }, { db, now: at }));
    }
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "INVALID")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, reason: "BLOCKED", retryAfterMinutes: 15 });
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: `second-factor:${account.id}` } });
    expect(row.failures).toBe(SECOND_FACTOR_THROTTLE.maxFailures);
    // The password throttle of the account is another counter, untouched.
    expect(await db.loginThrottle.findUnique({ where: { key: `account:${account.email}` } })).toBeNull();

    const during = new Date(t0.getTime() + 10 * 60_000);
    const fresh = await passwordStep(account.email, during);
    expect(await completeSecondFactor({ challenge: fresh.challenge, code: codeAt(secret, during) }, { db, now: during })).toMatchObject({ ok: false, reason: "BLOCKED" });
    const later = new Date(t0.getTime() + 25 * 60_000);
    const last = await passwordStep(account.email, later);
    expect(await completeSecondFactor({ challenge: last.challenge, code: codeAt(secret, later) }, { db, now: later })).toMatchObject({ ok: true });
    expect(await db.loginThrottle.findUnique({ where: { key: `second-factor:${account.id}` } })).toBeNull();
  });

  it("recovery codes: ten, stored hashed, each good once; none can be minted again for an enrolled account", async () => {
    const db = tdb.prisma;
    const account = await createAccount(["DIDEDUC_SIGNER"]);
    const t0 = new Date("2026-05-05T15:00:00Z");
    await enrol(account.id, account.email, t0);
    const codes = (await issueRecoveryCodes(account.id, { db }))!;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const rows = await db.recoveryCode.findMany({ where: { userId: account.id } });
    expect(rows).toHaveLength(10);
    for (const r of rows) {
      expect(r.codeHash.startsWith("$argon2id$")).toBe(true);
      for (const c of codes) expect(r.codeHash).not.toContain(c.replace(/-/g, ""));
    }
    expect(await issueRecoveryCodes(account.id, { db })).toBeNull();

    const step = await passwordStep(account.email, t0);
    // Typed loosely (lower case, spaces): still the code.
    const typed = codes[3].toLowerCase().replace(/-/g, " ");
    expect(await completeSecondFactor({ challenge: step.challenge, recoveryCode: typed }, { db, now: t0 })).toMatchObject({ ok: true, enrolled: false });
    expect(await db.recoveryCode.count({ where: { userId: account.id, usedAt: { not: null } } })).toBe(1);
    const again = await passwordStep(account.email, t0);
    expect(await completeSecondFactor({ challenge: again.challenge, recoveryCode: codes[3] }, { db, now: t0 })).toEqual({ ok: false, reason: "RECOVERY_INVALID" });
    expect(await completeSecondFactor({ challenge: again.challenge, recoveryCode: "AAAA-BBBB-CCCC" }, { db, now: t0 })).toEqual({ ok: false, reason: "RECOVERY_INVALID" });
    expect(await completeSecondFactor({ challenge: again.challenge, recoveryCode: codes[4] }, { db, now: t0 })).toMatchObject({ ok: true });
  });

  it("a challenge is void when it expires, when it was altered, or when the account's sessions were ended since", async () => {
    const db = tdb.prisma;
    const account = await createAccount(["ADMIN"]);
    const t0 = new Date("2026-05-05T16:00:00Z");
    const secret = await enrol(account.id, account.email, t0);
    const t1 = new Date(t0.getTime() + 60_000);
    const step = await passwordStep(account.email, t1);

    const late = new Date(t1.getTime() + 11 * 60_000);
    expect(await completeSecondFactor({ challenge: step.challenge, code: codeAt(secret, late) }, { db, now: late })).toEqual({ ok: false, reason: "EXPIRED" });
    const forged = issueSecondFactorChallenge({ userId: account.id, sessionVersion: 0, stage: "verify" }, { now: t1, env: { ...process.env, AUTH_SECRET: "otra-clave-de-otro-servidor-0123456789" } });
    expect(await completeSecondFactor({ challenge: forged, code: codeAt(secret, t1) }, { db, now: t1 })).toEqual({ ok: false, reason: "EXPIRED" });
    const altered = step.challenge.slice(0, 10) + (step.challenge[10] === "A" ? "B" : "A") + step.challenge.slice(11);
    expect(await completeSecondFactor({ challenge: altered, code: codeAt(secret, t1) }, { db, now: t1 })).toEqual({ ok: false, reason: "EXPIRED" });

    // Signed out everywhere (or password changed) between the password and the code.
    await db.user.update({ where: { id: account.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await completeSecondFactor({ challenge: step.challenge, code: codeAt(secret, t1) }, { db, now: t1 })).toEqual({ ok: false, reason: "EXPIRED" });
  });
});

describe("getActor's session check (findSessionUser with the token's state)", () => {
  it("refuses a session of an account that needs a second factor when the session did not pass one", async () => {
    const account = await createAccount(["CITIZEN"]);
    expect(await findSessionUser({ id: account.id }, { db: tdb.prisma, session: { sessionVersion: 0, secondFactor: false } })).not.toBeNull();
    // Made an administrator: a session from before (password only) no longer counts.
    await tdb.prisma.user.update({ where: { id: account.id }, data: { roles: ["ADMIN"] } });
    expect(await findSessionUser({ id: account.id }, { db: tdb.prisma, session: { sessionVersion: 0, secondFactor: false } })).toBeNull();
    expect(await findSessionUser({ id: account.id }, { db: tdb.prisma, session: { sessionVersion: 0, secondFactor: true } })).not.toBeNull();
  });
});
