import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { hashPassword } from "@/lib/auth/hash-password";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

let tdb: TTestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const db = tdb.prisma;
  const dideduc = await db.dideduc.create({
    data: { code: "gn", name: "Guatemala Norte", type: "A", address: "Zona 1", phone: "2254 0000", email: "gn@example.test", isPlaceholder: true },
  });
  await db.user.create({
    data: { email: "revisora@example.test", name: "Lucía Xitumul", passwordHash: await hashPassword("RevisaNorte2026"), roles: ["DIDEDUC_REVIEWER"], dideducId: dideduc.id },
  });
  await db.user.create({
    data: { email: "inactiva@example.test", name: "Cuenta Inactiva", passwordHash: await hashPassword("Inactiva2026x"), roles: ["CITIZEN"], active: false },
  });
  const grantor = await db.user.create({
    data: { email: "director@example.test", name: "Director GN", passwordHash: "x", roles: ["DIDEDUC_SIGNER"], dideducId: dideduc.id },
  });
  const delegate = await db.user.create({
    data: { email: "delegado@example.test", name: "Analista GN", passwordHash: await hashPassword("DelegaNorte2026"), roles: [], dideducId: dideduc.id },
  });
  await db.delegation.create({
    data: {
      dideducId: dideduc.id,
      grantorId: grantor.id,
      delegateId: delegate.id,
      role: "DIDEDUC_REVIEWER",
      validFrom: new Date("2026-01-01T06:00:00Z"),
      validTo: new Date("2026-02-01T05:59:59Z"),
    },
  });
});
afterAll(async () => {
  await tdb?.drop();
});

describe("authenticateCredentials (the Credentials provider's authorize)", () => {
  it("accepts the right password and returns what the session carries, ignoring case and spaces in the e-mail", async () => {
    const db = tdb.prisma;
    const now = new Date("2026-04-01T12:00:00Z");
    const r = await authenticateCredentials({ email: "  Revisora@Example.TEST", password: "RevisaNorte2026", ip: "10.1.1.1" }, { db, now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = await db.user.findUniqueOrThrow({ where: { email: "revisora@example.test" } });
    expect(r.user).toEqual({
      id: row.id,
      name: "Lucía Xitumul",
      email: "revisora@example.test",
      roles: ["DIDEDUC_REVIEWER"],
      dideducId: row.dideducId,
      delegatedRoles: [],
    });
    expect(row.lastLoginAt?.toISOString()).toBe(now.toISOString());
    expect(r).not.toHaveProperty("user.passwordHash");
  });

  it("a sign-in joins the audit trail (issue #14 §3: sign-ins are audited); a refused one does not", async () => {
    const db = tdb.prisma;
    const row = await db.user.findUniqueOrThrow({ where: { email: "revisora@example.test" } });
    const events = await db.auditEvent.findMany({ where: { action: "auth.sign_in", actorId: row.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ip: "10.1.1.1", createdAt: new Date("2026-04-01T12:00:00Z"), data: { userId: row.id, secondFactor: false } });
    expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    await authenticateCredentials({ email: "revisora@example.test", password: "mal", ip: "10.1.1.3" }, { db });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", actorId: row.id } })).toBe(1);
  });

  it("refuses a wrong password and an unknown e-mail with the same message, and counts both", async () => {
    const db = tdb.prisma;
    const wrong = await authenticateCredentials({ email: "revisora@example.test", password: "RevisaNorte2025", ip: "10.1.1.2" }, { db });
    const unknown = await authenticateCredentials({ email: "nadie@example.test", password: "RevisaNorte2026", ip: "10.1.1.2" }, { db });
    expect(wrong).toEqual({ ok: false, reason: "INVALID", message: "Correo o contraseña incorrectos." });
    expect(unknown).toEqual(wrong);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "account:nadie@example.test" } })).failures).toBe(1);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:10.1.1.2" } })).failures).toBe(2);
  });

  it("refuses empty credentials", async () => {
    const r = await authenticateCredentials({ email: "", password: "", ip: null }, { db: tdb.prisma });
    expect(r).toMatchObject({ ok: false, reason: "INVALID" });
  });

  it("refuses an inactive account even with its right password, and says it is deactivated only then", async () => {
    const db = tdb.prisma;
    const right = await authenticateCredentials({ email: "inactiva@example.test", password: "Inactiva2026x", ip: null }, { db });
    expect(right).toMatchObject({ ok: false, reason: "INACTIVE" });
    if (right.ok) return;
    expect(right.message).toMatch(/desactivada/);
    const wrong = await authenticateCredentials({ email: "inactiva@example.test", password: "Otra2026xxx", ip: null }, { db });
    expect(wrong).toMatchObject({ ok: false, reason: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { email: "inactiva@example.test" } })).lastLoginAt).toBeNull();
  });

  it("a delegate gets the delegated role for navigation while the delegation is active, and not after", async () => {
    const db = tdb.prisma;
    const during = await authenticateCredentials({ email: "delegado@example.test", password: "DelegaNorte2026", ip: null }, { db, now: new Date("2026-01-15T12:00:00Z") });
    expect(during).toMatchObject({ ok: true, user: { roles: [], delegatedRoles: ["DIDEDUC_REVIEWER"] } });
    const after = await authenticateCredentials({ email: "delegado@example.test", password: "DelegaNorte2026", ip: null }, { db, now: new Date("2026-02-15T12:00:00Z") });
    expect(after).toMatchObject({ ok: true, user: { roles: [], delegatedRoles: [] } });
  });
});
