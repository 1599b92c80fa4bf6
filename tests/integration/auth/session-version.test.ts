import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { changePassword, WRONG_CURRENT_PASSWORD_MESSAGE } from "@/lib/auth/change-password";
import { endAllSessions } from "@/lib/auth/end-all-sessions";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { hashPassword, verifyPassword } from "@/lib/auth/hash-password";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Server-side invalidation: a session token carries the account's session version at sign-in, and
// getActor (findSessionUser with the token's state) refuses it once the version has moved on.

let tdb: TTestDatabase;
const PASSWORD = "Ciudadana-2026";

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

let n = 0;
async function signedIn(roles: ("CITIZEN" | "DIDEDUC_REVIEWER")[] = ["CITIZEN"]) {
  n++;
  const user = await tdb.prisma.user.create({ data: { email: `sesion${n}@example.test`, name: `Persona ${n}`, passwordHash: await hashPassword(PASSWORD), roles } });
  const r = await authenticateCredentials({ email: user.email, password: PASSWORD, ip: null }, { db: tdb.prisma });
  if (!r.ok) throw new Error(r.reason);
  return { user, session: { sessionVersion: r.sessionVersion, secondFactor: false } };
}

describe("session version", () => {
  it("a session is good while the account's version is the one it was issued under", async () => {
    const { user, session } = await signedIn();
    expect(await findSessionUser({ id: user.id }, { db: tdb.prisma, session })).toMatchObject({ id: user.id });
  });

  it("a bumped version ends the session (what role, office and active-flag changes do)", async () => {
    const { user, session } = await signedIn(["DIDEDUC_REVIEWER"]);
    await tdb.prisma.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await findSessionUser({ id: user.id }, { db: tdb.prisma, session })).toBeNull();
    // A sign-in afterwards is under the new version and works.
    const again = await authenticateCredentials({ email: user.email, password: PASSWORD, ip: null }, { db: tdb.prisma });
    expect(again).toMatchObject({ ok: true, sessionVersion: session.sessionVersion + 1 });
  });

  it("signing out (endAllSessions) ends every session of the account, on every device", async () => {
    const { user, session } = await signedIn();
    const other = await authenticateCredentials({ email: user.email, password: PASSWORD, ip: null }, { db: tdb.prisma });
    expect(await endAllSessions(user.id, { db: tdb.prisma })).toBe(session.sessionVersion + 1);
    expect(await findSessionUser({ id: user.id }, { db: tdb.prisma, session })).toBeNull();
    expect(await findSessionUser({ id: user.id }, { db: tdb.prisma, session: { sessionVersion: (other as { sessionVersion: number }).sessionVersion, secondFactor: false } })).toBeNull();
  });

  it("changing the password: checks the current one, applies the policy, ends every session, audited", async () => {
    const db = tdb.prisma;
    const { user, session } = await signedIn();
    const now = new Date("2026-06-01T14:00:00Z");
    const wrong = await changePassword(user.id, { currentPassword: "Otra-2026", newPassword: "Nueva-clave-2026", newPasswordConfirmation: "Nueva-clave-2026" }, { db, now, ip: "10.2.2.2" }).catch((e) => e);
    expect(wrong).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD_MESSAGE] } });
    // A wrong current password counts like a failed sign-in.
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } })).failures).toBe(1);
    const weak = await changePassword(user.id, { currentPassword: PASSWORD, newPassword: "corta", newPasswordConfirmation: "corta" }, { db, now }).catch((e) => e);
    expect(weak.fieldErrors.newPassword).toContain("La contraseña debe tener al menos 10 caracteres.");
    const same = await changePassword(user.id, { currentPassword: PASSWORD, newPassword: PASSWORD, newPasswordConfirmation: PASSWORD }, { db, now }).catch((e) => e);
    expect(same.fieldErrors.newPassword).toContain("La nueva contraseña debe ser distinta de la actual.");
    expect(await findSessionUser({ id: user.id }, { db, session })).not.toBeNull();

    const { sessionVersion } = await changePassword(user.id, { currentPassword: PASSWORD, newPassword: "Nueva-clave-2026", newPasswordConfirmation: "Nueva-clave-2026" }, { db, now, ip: "10.2.2.2" });
    expect(sessionVersion).toBe(session.sessionVersion + 1);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordChangedAt?.toISOString()).toBe(now.toISOString());
    expect(await verifyPassword(row.passwordHash, "Nueva-clave-2026")).toBe(true);
    expect(await findSessionUser({ id: user.id }, { db, session })).toBeNull();
    expect(await findSessionUser({ id: user.id }, { db, session: { sessionVersion, secondFactor: false } })).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.change_password", actorId: user.id } });
    expect(event).toMatchObject({ caseId: null, ip: "10.2.2.2", data: { userId: user.id } });
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain("Nueva-clave-2026");
    expect(await authenticateCredentials({ email: user.email, password: PASSWORD, ip: null }, { db })).toMatchObject({ ok: false, reason: "INVALID" });
  });

  it("a token issued before the account was deactivated (and reactivated) does not come back", async () => {
    const { user, session } = await signedIn();
    await tdb.prisma.user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    await tdb.prisma.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await findSessionUser({ id: user.id }, { db: tdb.prisma, session })).toBeNull();
  });
});
