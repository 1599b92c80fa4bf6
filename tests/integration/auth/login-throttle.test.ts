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

async function createUser(email: string, roles: ("CITIZEN" | "DIDEDUC_REVIEWER")[] = ["CITIZEN"]) {
  return tdb.prisma.user.create({ data: { email, name: "Persona de Prueba", passwordHash: hash, roles } });
}

const minutes = (t: Date, m: number) => new Date(t.getTime() + m * 60_000);

// Each test uses its own accounts and addresses, so they do not share counters.
describe("failed sign-in throttling (LoginThrottle)", () => {
  it("a known staff member is not locked out by someone else's wrong passwords: the guesser's own waits grow, the staff member signs in from their machine", async () => {
    const db = tdb.prisma;
    await createUser("revisora.norte@example.test", ["DIDEDUC_REVIEWER"]);
    const attacker = "203.0.113.66";
    const office = "198.51.100.10";
    const t0 = new Date("2026-03-02T15:00:00Z");
    let now = t0;

    // Four free failures, then the fifth imposes a wait of one minute on this (account, client).
    for (let i = 0; i < LOGIN_THROTTLE.pair.freeFailures; i++) {
      const r = await authenticateCredentials({ email: "revisora.norte@example.test", password: `Mala${i}2026xx`, ip: attacker }, { db, now });
      expect(r).toMatchObject({ ok: false, reason: "INVALID", message: "Correo o contraseña incorrectos." });
    }
    const fifth = await authenticateCredentials({ email: "revisora.norte@example.test", password: "Mala52026xx", ip: attacker }, { db, now });
    expect(fifth).toMatchObject({ ok: false, reason: "BLOCKED", retryAfterMinutes: 1 });

    // Five wrong passwords later, the staff member signs in from the office at once.
    const staff = await authenticateCredentials({ email: "revisora.norte@example.test", password: PASSWORD, ip: office }, { db, now });
    expect(staff.ok).toBe(true);

    // From the guesser's client even the right password waits; each further failure doubles the wait.
    expect(await authenticateCredentials({ email: "revisora.norte@example.test", password: PASSWORD, ip: attacker }, { db, now })).toMatchObject({ reason: "BLOCKED" });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const status = await checkLoginThrottle({ email: "revisora.norte@example.test", ip: attacker }, { db, now });
      expect(status).toMatchObject({ blocked: true, scope: "pair" });
      if (!status.blocked) return;
      now = status.until;
      const r = await authenticateCredentials({ email: "revisora.norte@example.test", password: `Otra${i}2026xx`, ip: attacker }, { db, now });
      expect(r).toMatchObject({ ok: false, reason: "BLOCKED" });
      if (!r.ok) waits.push(r.retryAfterMinutes!);
    }
    expect(waits).toEqual([2, 4, 8, 16, 30, 30]);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: `pair:${attacker}|revisora.norte@example.test` } })).failures).toBe(11);

    // Throughout, the office could sign in; the account's own counter is far from its limit.
    expect((await authenticateCredentials({ email: "revisora.norte@example.test", password: PASSWORD, ip: office }, { db, now })).ok).toBe(true);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "account:revisora.norte@example.test" } })).failures).toBeLessThan(LOGIN_THROTTLE.account.maxFailures);
  });

  it("a block of the pair ends with its wait: the right password then works from that client too", async () => {
    const db = tdb.prisma;
    await createUser("espera@example.test");
    const t0 = new Date("2026-03-02T18:00:00Z");
    for (let i = 0; i < 5; i++) await authenticateCredentials({ email: "espera@example.test", password: `Mala${i}2026xx`, ip: "10.0.0.1" }, { db, now: t0 });
    expect(await authenticateCredentials({ email: "ESPERA@example.test ", password: PASSWORD, ip: "10.0.0.1" }, { db, now: minutes(t0, 0.5) })).toMatchObject({
      reason: "BLOCKED",
      retryAfterMinutes: 1,
    });
    const after = await authenticateCredentials({ email: "espera@example.test", password: PASSWORD, ip: "10.0.0.1" }, { db, now: minutes(t0, 1) });
    expect(after.ok).toBe(true);
    // The success forgot this client's failures on the account: four more are free again.
    for (let i = 0; i < 4; i++) {
      const r = await authenticateCredentials({ email: "espera@example.test", password: `Nueva${i}2026xx`, ip: "10.0.0.1" }, { db, now: minutes(t0, 2) });
      expect(r).toMatchObject({ reason: "INVALID" });
    }
  });

  it("failures in a row are forgotten after a day without one", async () => {
    const db = tdb.prisma;
    const t0 = new Date("2026-03-03T15:00:00Z");
    for (let i = 0; i < 4; i++) await recordLoginFailure({ email: "olvido@example.test", ip: "10.0.0.5" }, { db, now: minutes(t0, i) });
    const nextDay = minutes(t0, 24 * 60 + 5);
    const { pair } = await recordLoginFailure({ email: "olvido@example.test", ip: "10.0.0.5" }, { db, now: nextDay });
    expect(pair).toMatchObject({ failures: 1 });
    expect(await checkLoginThrottle({ email: "olvido@example.test", ip: "10.0.0.5" }, { db, now: nextDay })).toEqual({ blocked: false });
  });

  it("blocks a client after 20 failures spread over several accounts, but not the accounts elsewhere", async () => {
    const db = tdb.prisma;
    const emails = ["ip1@example.test", "ip2@example.test", "ip3@example.test", "ip4@example.test", "ip5@example.test"];
    for (const e of emails) await createUser(e);
    const t0 = new Date("2026-03-04T15:00:00Z");
    let n = 0;
    // 4 failures per account: no (account, client) pair reaches its first wait.
    for (const e of emails) {
      for (let i = 0; i < 4; i++) {
        const r = await authenticateCredentials({ email: e, password: `Otra${i}clave99`, ip: "203.0.113.7" }, { db, now: new Date(t0.getTime() + n++ * 1000) });
        if (n < LOGIN_THROTTLE.client.maxFailures) expect(r).toMatchObject({ ok: false, reason: "INVALID" });
        else expect(r).toMatchObject({ ok: false, reason: "BLOCKED", retryAfterMinutes: 15 });
      }
    }
    expect(n).toBe(LOGIN_THROTTLE.client.maxFailures);
    const at = minutes(t0, 1);

    // From that client even a right password of another account is refused…
    await createUser("inocente@example.test");
    const fromIp = await authenticateCredentials({ email: "inocente@example.test", password: PASSWORD, ip: "203.0.113.7" }, { db, now: at });
    expect(fromIp).toMatchObject({ ok: false, reason: "BLOCKED" });
    // …while the same accounts can still sign in from elsewhere.
    const elsewhere = await authenticateCredentials({ email: "ip1@example.test", password: PASSWORD, ip: "198.51.100.9" }, { db, now: at });
    expect(elsewhere.ok).toBe(true);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:203.0.113.7" } })).failures).toBe(20);
  });

  it("an IPv6 client is its /64: changing the last 64 bits does not buy fresh attempts", async () => {
    const db = tdb.prisma;
    await createUser("seis@example.test");
    const t0 = new Date("2026-03-04T18:00:00Z");
    for (let i = 0; i < 5; i++) {
      await authenticateCredentials({ email: "seis@example.test", password: `Mala${i}2026xx`, ip: `2001:db8:7:1::${(i + 1).toString(16)}` }, { db, now: t0 });
    }
    expect(await authenticateCredentials({ email: "seis@example.test", password: PASSWORD, ip: "2001:db8:7:1:abcd::99" }, { db, now: t0 })).toMatchObject({ reason: "BLOCKED" });
    // Another /64 is another client.
    expect((await authenticateCredentials({ email: "seis@example.test", password: PASSWORD, ip: "2001:db8:7:2::1" }, { db, now: t0 })).ok).toBe(true);
  });

  it("the account's global limit: 100 failures in an hour from many clients close it to everyone for an hour", async () => {
    const db = tdb.prisma;
    await createUser("objetivo@example.test", ["DIDEDUC_REVIEWER"]);
    const t0 = new Date("2026-03-05T15:00:00Z");
    // A distributed guess: one failure each from 99 different clients, none near its own limits.
    for (let i = 0; i < LOGIN_THROTTLE.account.maxFailures - 1; i++) {
      const { account, pair, client } = await recordLoginFailure({ email: "objetivo@example.test", ip: `198.18.${Math.floor(i / 200)}.${(i % 200) + 1}` }, { db, now: new Date(t0.getTime() + i * 1000) });
      expect(account.blockedUntil).toBeNull();
      expect(pair?.blockedUntil ?? null).toBeNull();
      expect(client?.blockedUntil ?? null).toBeNull();
    }
    // Until then the owner still signs in from their own machine.
    const before = minutes(t0, 5);
    expect((await authenticateCredentials({ email: "objetivo@example.test", password: PASSWORD, ip: "192.0.2.200" }, { db, now: before })).ok).toBe(true);
    // The hundredth reaches the limit…
    const hundredth = await authenticateCredentials({ email: "objetivo@example.test", password: "Intento100xx", ip: "198.19.0.1" }, { db, now: before });
    expect(hundredth).toMatchObject({ ok: false, reason: "BLOCKED", retryAfterMinutes: 60 });
    // …and for an hour no client gets in, not even with the right password.
    const during = await authenticateCredentials({ email: "objetivo@example.test", password: PASSWORD, ip: "192.0.2.200" }, { db, now: minutes(before, 30) });
    expect(during).toMatchObject({ ok: false, reason: "BLOCKED", retryAfterMinutes: 30 });
    expect(await checkLoginThrottle({ email: "objetivo@example.test", ip: "192.0.2.201" }, { db, now: minutes(before, 30) })).toMatchObject({ blocked: true, scope: "account" });
    expect((await authenticateCredentials({ email: "objetivo@example.test", password: PASSWORD, ip: "192.0.2.200" }, { db, now: minutes(before, 61) })).ok).toBe(true);
  });

  it("a success keeps the client's counter and the account's global one", async () => {
    const db = tdb.prisma;
    await createUser("reinicio@example.test");
    const t0 = new Date("2026-03-06T15:00:00Z");
    for (let i = 0; i < 4; i++) {
      await authenticateCredentials({ email: "reinicio@example.test", password: `Mala${i}clave99`, ip: "192.0.2.44" }, { db, now: new Date(t0.getTime() + i * 1000) });
    }
    const ok = await authenticateCredentials({ email: "reinicio@example.test", password: PASSWORD, ip: "192.0.2.44" }, { db, now: new Date(t0.getTime() + 5000) });
    expect(ok.ok).toBe(true);
    expect(await db.loginThrottle.findUnique({ where: { key: "pair:192.0.2.44|reinicio@example.test" } })).toBeNull();
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:192.0.2.44" } })).failures).toBe(4);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "account:reinicio@example.test" } })).failures).toBe(4);
  });

  it("simultaneous failures are all counted, and the longest wait wins", async () => {
    const db = tdb.prisma;
    const now = new Date("2026-03-07T15:00:00Z");
    await Promise.all(Array.from({ length: 12 }, () => recordLoginFailure({ email: "carrera@example.test", ip: "192.0.2.99" }, { db, now })));
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "pair:192.0.2.99|carrera@example.test" } })).failures).toBe(12);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:192.0.2.99" } })).failures).toBe(12);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "account:carrera@example.test" } })).failures).toBe(12);
    expect(await checkLoginThrottle({ email: "carrera@example.test", ip: "192.0.2.99" }, { db, now })).toMatchObject({ blocked: true, scope: "pair", retryAfterMinutes: 30 });
  });
});
