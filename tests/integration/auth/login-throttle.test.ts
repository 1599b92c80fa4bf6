import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/hash-password";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { checkLoginThrottle } from "@/lib/auth/check-login-throttle";
import { LOGIN_THROTTLE } from "@/lib/auth/login-throttle-policy";
import { recordLoginFailure } from "@/lib/auth/record-login-failure";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

let tdb: TTestDatabase;
const PASSWORD = "Correcta2026";
let hash: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  hash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await tdb?.drop();
});

async function createUser(email: string) {
  return tdb.prisma.user.create({ data: { email, name: "Persona de Prueba", passwordHash: hash, roles: ["CITIZEN"] } });
}

// Each test uses its own accounts and addresses, so they do not share counters.
describe("failed sign-in throttling (LoginThrottle)", () => {
  it("blocks the account after 5 failures in 15 minutes, refusing even the right password, with the minutes to wait", async () => {
    const db = tdb.prisma;
    await createUser("bloqueo@example.test");
    const t0 = new Date("2026-03-02T15:00:00Z");
    for (let i = 0; i < LOGIN_THROTTLE.account.maxFailures - 1; i++) {
      const r = await authenticateCredentials({ email: "bloqueo@example.test", password: `Mala${i}2026xx`, ip: "10.0.0.1" }, { db, now: new Date(t0.getTime() + i * 60_000) });
      expect(r).toMatchObject({ ok: false, reason: "INVALID", message: "Correo o contraseña incorrectos." });
    }
    const fifth = await authenticateCredentials({ email: "bloqueo@example.test", password: "Mala52026xx", ip: "10.0.0.1" }, { db, now: new Date(t0.getTime() + 4 * 60_000) });
    expect(fifth).toMatchObject({ ok: false, reason: "BLOCKED", retryAfterMinutes: 15 });

    const at = new Date(t0.getTime() + 10 * 60_000);
    const right = await authenticateCredentials({ email: "BLOQUEO@example.test ", password: PASSWORD, ip: "10.0.0.2" }, { db, now: at });
    expect(right.ok).toBe(false);
    if (right.ok) return;
    expect(right.reason).toBe("BLOCKED");
    expect(right.retryAfterMinutes).toBe(9);
    expect(right.message).toContain("espere 9 minutos");

    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: "account:bloqueo@example.test" } });
    expect(row.failures).toBe(5);
    expect(row.blockedUntil?.toISOString()).toBe(new Date(t0.getTime() + 19 * 60_000).toISOString());

    // Once the block has passed, the right password works again.
    const after = await authenticateCredentials({ email: "bloqueo@example.test", password: PASSWORD, ip: "10.0.0.2" }, { db, now: new Date(t0.getTime() + 20 * 60_000) });
    expect(after.ok).toBe(true);
  });

  it("counts only failures inside the window: old failures do not add up to a block", async () => {
    const db = tdb.prisma;
    await createUser("ventana@example.test");
    const t0 = new Date("2026-03-03T15:00:00Z");
    for (let i = 0; i < 4; i++) await recordLoginFailure({ email: "ventana@example.test", ip: null }, { db, now: new Date(t0.getTime() + i * 1000) });
    // 16 minutes later the window has passed: this failure starts a new count of 1.
    const later = new Date(t0.getTime() + 16 * 60_000);
    const { account } = await recordLoginFailure({ email: "ventana@example.test", ip: null }, { db, now: later });
    expect(account.failures).toBe(1);
    expect(account.blockedUntil).toBeNull();
    expect(await checkLoginThrottle({ email: "ventana@example.test", ip: null }, { db, now: later })).toEqual({ blocked: false });
  });

  it("blocks an address after 20 failures spread over several accounts, but not the accounts elsewhere", async () => {
    const db = tdb.prisma;
    const emails = ["ip1@example.test", "ip2@example.test", "ip3@example.test", "ip4@example.test", "ip5@example.test"];
    for (const e of emails) await createUser(e);
    const t0 = new Date("2026-03-04T15:00:00Z");
    let n = 0;
    // 4 failures per account: no account reaches its own limit of 5.
    for (const e of emails) {
      for (let i = 0; i < 4; i++) {
        const r = await authenticateCredentials({ email: e, password: `Otra${i}clave99`, ip: "203.0.113.7" }, { db, now: new Date(t0.getTime() + n++ * 1000) });
        if (n < LOGIN_THROTTLE.ip.maxFailures) expect(r).toMatchObject({ ok: false, reason: "INVALID" });
        else expect(r).toMatchObject({ ok: false, reason: "BLOCKED" });
      }
    }
    expect(n).toBe(LOGIN_THROTTLE.ip.maxFailures);
    const at = new Date(t0.getTime() + 60_000);

    // From that address even a right password of another account is refused…
    await createUser("inocente@example.test");
    const fromIp = await authenticateCredentials({ email: "inocente@example.test", password: PASSWORD, ip: "203.0.113.7" }, { db, now: at });
    expect(fromIp).toMatchObject({ ok: false, reason: "BLOCKED" });
    // …while the same accounts can still sign in from elsewhere.
    const elsewhere = await authenticateCredentials({ email: "ip1@example.test", password: PASSWORD, ip: "198.51.100.9" }, { db, now: at });
    expect(elsewhere.ok).toBe(true);
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:203.0.113.7" } });
    expect(row.failures).toBe(20);
  });

  it("a successful sign-in resets the account counter but not the address counter", async () => {
    const db = tdb.prisma;
    await createUser("reinicio@example.test");
    const t0 = new Date("2026-03-05T15:00:00Z");
    for (let i = 0; i < 4; i++) {
      await authenticateCredentials({ email: "reinicio@example.test", password: `Mala${i}clave99`, ip: "192.0.2.44" }, { db, now: new Date(t0.getTime() + i * 1000) });
    }
    const ok = await authenticateCredentials({ email: "reinicio@example.test", password: PASSWORD, ip: "192.0.2.44" }, { db, now: new Date(t0.getTime() + 5000) });
    expect(ok.ok).toBe(true);
    expect(await db.loginThrottle.findUnique({ where: { key: "account:reinicio@example.test" } })).toBeNull();
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:192.0.2.44" } })).failures).toBe(4);

    // Four more failures do not block: the count started over after the success.
    for (let i = 0; i < 4; i++) {
      const r = await authenticateCredentials({ email: "reinicio@example.test", password: `Mala${i}clave98`, ip: "192.0.2.45" }, { db, now: new Date(t0.getTime() + 10_000 + i * 1000) });
      expect(r).toMatchObject({ ok: false, reason: "INVALID" });
    }
  });

  it("simultaneous failures are all counted", async () => {
    const db = tdb.prisma;
    const now = new Date("2026-03-06T15:00:00Z");
    await Promise.all(Array.from({ length: 12 }, () => recordLoginFailure({ email: "carrera@example.test", ip: "192.0.2.99" }, { db, now })));
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "account:carrera@example.test" } })).failures).toBe(12);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:192.0.2.99" } })).failures).toBe(12);
    expect(await checkLoginThrottle({ email: "carrera@example.test", ip: null }, { db, now })).toMatchObject({ blocked: true, scope: "account" });
  });
});
