import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { hashPassword } from "@/lib/auth/hash-password";
import {
  hashPasswordResetToken,
  PASSWORD_RESET,
  PASSWORD_RESET_LINK_EXPIRED_MESSAGE,
  PASSWORD_RESET_LINK_INVALID_MESSAGE,
} from "@/lib/auth/password-reset-policy";
import { readPasswordReset } from "@/lib/auth/read-password-reset";
import { requestPasswordReset, ZPasswordResetRequest } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { DomainError } from "@/lib/errors";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

let tdb: TTestDatabase;
const CITIZEN = { email: "olvido@example.test", cui: "2345678990101", name: "Ana Olvido Pérez" };
const ADMIN = { email: "admin-olvido@example.test", name: "Admin Olvido" };
const OLD = "Original2026x";
const NEW = "NuevaClave2026y";

beforeAll(async () => {
  tdb = await createTestDatabase();
  await tdb.prisma.user.create({ data: { ...CITIZEN, passwordHash: await hashPassword(OLD), roles: ["CITIZEN"] } });
  await tdb.prisma.user.create({ data: { ...ADMIN, passwordHash: await hashPassword(OLD), roles: ["ADMIN"] } });
});
afterAll(async () => {
  await tdb?.drop();
});
// Each test starts with fresh counters (the throttle test fills them on purpose).
beforeEach(async () => {
  await tdb.prisma.loginThrottle.deleteMany({ where: { key: { startsWith: "reset:" } } });
});

const request = (email: string, options: { now?: Date; ip?: string | null } = {}) =>
  requestPasswordReset(ZPasswordResetRequest.parse({ email }), { db: tdb.prisma, ...options });

// The link in the mail this request wrote to the outbox.
async function tokenOf(answer: { outboxIds: string[] }): Promise<string> {
  const mail = await tdb.prisma.outboxMail.findUnique({ where: { id: answer.outboxIds[0] ?? "" } });
  const m = /\/contrasena\/restablecer\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "");
  if (!m) throw new Error(`no reset link in: ${mail?.text}`);
  return m[1];
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("forgotten password (issue #14: a reset link by e-mail, single use, 1 hour, token stored hashed)", () => {
  it("mails a link whose token is stored only as its SHA-256, and the page shows whose account it is", async () => {
    const answer = await request(" Olvido@Example.test ", { ip: "203.0.113.1" });
    const token = await tokenOf(answer);
    expect(answer.email).toBe(CITIZEN.email);
    expect(answer.outboxIds).toHaveLength(1);
    const rows = await tdb.prisma.passwordReset.findMany({ where: { user: { email: CITIZEN.email } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashPasswordResetToken(token));
    expect(rows[0].tokenHash).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(60 * 60 * 1000);
    expect(await readPasswordReset(token, { db: tdb.prisma })).toEqual({ status: "VALID", email: CITIZEN.email });
  });

  it("answers an unknown e-mail exactly as a known one, and sends nothing", async () => {
    const before = await tdb.prisma.outboxMail.count();
    const answer = await request("nadie@example.test", { ip: "203.0.113.2" });
    expect(answer).toEqual({ email: "nadie@example.test", outboxIds: [] });
    expect(await tdb.prisma.outboxMail.count()).toBe(before);
    // Same shape as a known address's answer: only the e-mail typed, nothing about an account.
    const known = await request(CITIZEN.email, { ip: "203.0.113.2" });
    expect(Object.keys(known).sort()).toEqual(Object.keys(answer).sort());
    expect(known.email).toBe(CITIZEN.email);
  });

  it("sets the new password once, ends every other session, spends the other links, and is audited", async () => {
    const older = await tokenOf(await request(CITIZEN.email, { ip: "203.0.113.3" }));
    const token = await tokenOf(await request(CITIZEN.email, { ip: "203.0.113.3" }));
    const before = await tdb.prisma.user.findUniqueOrThrow({ where: { email: CITIZEN.email } });

    // A password the policy refuses leaves the link usable.
    const weak = await refusal(resetPassword({ token, newPassword: "corta", newPasswordConfirmation: "corta" }, { db: tdb.prisma }));
    expect(weak.fieldErrors.newPassword?.length).toBeGreaterThan(0);
    expect((await readPasswordReset(token, { db: tdb.prisma })).status).toBe("VALID");

    const done = await resetPassword({ token, newPassword: NEW, newPasswordConfirmation: NEW }, { db: tdb.prisma, ip: "203.0.113.3" });
    expect(done.email).toBe(CITIZEN.email);
    const after = await tdb.prisma.user.findUniqueOrThrow({ where: { email: CITIZEN.email } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordChangedAt).not.toBeNull();
    expect((await authenticateCredentials({ email: CITIZEN.email, password: NEW, ip: null }, { db: tdb.prisma })).ok).toBe(true);
    expect((await authenticateCredentials({ email: CITIZEN.email, password: OLD, ip: null }, { db: tdb.prisma })).ok).toBe(false);

    const audit = await tdb.prisma.auditEvent.findMany({ where: { action: "auth.reset_password", actorId: after.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].ip).toBe("203.0.113.3");

    // Reused: refused, nothing changes.
    const reused = await refusal(resetPassword({ token, newPassword: "OtraClave2026z", newPasswordConfirmation: "OtraClave2026z" }, { db: tdb.prisma }));
    expect(reused.message).toBe(PASSWORD_RESET_LINK_INVALID_MESSAGE);
    expect((await readPasswordReset(token, { db: tdb.prisma })).status).toBe("INVALID");
    // The older link of the same account was spent with it.
    const olderRefused = await refusal(resetPassword({ token: older, newPassword: "OtraClave2026z", newPasswordConfirmation: "OtraClave2026z" }, { db: tdb.prisma }));
    expect(olderRefused.message).toBe(PASSWORD_RESET_LINK_INVALID_MESSAGE);
    expect((await tdb.prisma.user.findUniqueOrThrow({ where: { email: CITIZEN.email } })).sessionVersion).toBe(after.sessionVersion);
  });

  it("refuses a link after its hour, and a made-up token", async () => {
    const t0 = new Date("2026-12-06T10:00:00Z");
    const token = await tokenOf(await request(CITIZEN.email, { now: t0, ip: "203.0.113.4" }));
    const late = new Date(t0.getTime() + PASSWORD_RESET.validMs);
    expect(await readPasswordReset(token, { db: tdb.prisma, now: late })).toEqual({ status: "EXPIRED" });
    const expired = await refusal(resetPassword({ token, newPassword: NEW + "1", newPasswordConfirmation: NEW + "1" }, { db: tdb.prisma, now: late }));
    expect(expired.message).toBe(PASSWORD_RESET_LINK_EXPIRED_MESSAGE);
    const madeUp = await refusal(resetPassword({ token: "A".repeat(43), newPassword: NEW + "1", newPasswordConfirmation: NEW + "1" }, { db: tdb.prisma }));
    expect(madeUp.message).toBe(PASSWORD_RESET_LINK_INVALID_MESSAGE);
  });

  it("of two resets racing with one link, exactly one changes the password", async () => {
    const token = await tokenOf(await request(CITIZEN.email, { ip: "203.0.113.5" }));
    const results = await Promise.allSettled([
      resetPassword({ token, newPassword: "Carrera2026a", newPasswordConfirmation: "Carrera2026a" }, { db: tdb.prisma }),
      resetPassword({ token, newPassword: "Carrera2026b", newPasswordConfirmation: "Carrera2026b" }, { db: tdb.prisma }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as DomainError).message).toBe(PASSWORD_RESET_LINK_INVALID_MESSAGE);
  });

  it("throttles: per client with a message that says nothing about accounts, per address silently", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < PASSWORD_RESET.client.max; i++) await request(`persona${i}@example.test`, { ip });
    const limited = await refusal(request("nadie-mas@example.test", { ip }));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.message).not.toMatch(/cuenta/i);
    // The same refusal for an address that has an account.
    expect((await refusal(request(CITIZEN.email, { ip }))).code).toBe("RATE_LIMITED");

    const email = ADMIN.email;
    const sent: number[] = [];
    for (let i = 0; i < PASSWORD_RESET.address.max + 2; i++) sent.push((await request(email, { ip: `192.0.2.${i + 1}` })).outboxIds.length);
    expect(sent).toEqual([...Array(PASSWORD_RESET.address.max).fill(1), 0, 0]);
  });

  it("a staff account with a second factor may reset, and is still asked for its code (decision 0020)", async () => {
    const token = await tokenOf(await request(ADMIN.email, { ip: "203.0.113.9" }));
    await resetPassword({ token, newPassword: NEW, newPasswordConfirmation: NEW }, { db: tdb.prisma });
    const result = await authenticateCredentials({ email: ADMIN.email, password: NEW, ip: null }, { db: tdb.prisma });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toBe("SECOND_FACTOR_REQUIRED");
  });

  it("an inactive account gets no mail, and its pending link stops working", async () => {
    const token = await tokenOf(await request(CITIZEN.email, { ip: "203.0.113.10" }));
    await tdb.prisma.user.update({ where: { email: CITIZEN.email }, data: { active: false } });
    expect((await request(CITIZEN.email, { ip: "203.0.113.10" })).outboxIds).toEqual([]);
    expect((await readPasswordReset(token, { db: tdb.prisma })).status).toBe("INVALID");
    await tdb.prisma.user.update({ where: { email: CITIZEN.email }, data: { active: true } });
  });
});
