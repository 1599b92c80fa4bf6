import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { DUPLICATE_CUI_MESSAGE, DUPLICATE_EMAIL_MESSAGE, registerCitizen } from "@/lib/auth/register-citizen";
import { ZCitizenRegistration } from "@/lib/auth/schemas";
import { DomainError } from "@/lib/errors";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

let tdb: TTestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

const form = (over: Record<string, unknown> = {}) =>
  ZCitizenRegistration.parse({
    name: "Juan Pablo Sic Batz",
    cui: "1234 56789 2217",
    email: "Juan.Sic@Example.test",
    password: "Chichicaste2026",
    passwordConfirmation: "Chichicaste2026",
    ...over,
  });

describe("registerCitizen", () => {
  it("creates a CITIZEN with an argon2id hash who can then sign in", async () => {
    const db = tdb.prisma;
    const { id } = await registerCitizen(form({ phone: "4478 2106" }), { db });
    const row = await db.user.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ email: "juan.sic@example.test", name: "Juan Pablo Sic Batz", cui: "1234567892217", phone: "4478-2106", roles: ["CITIZEN"], active: true, dideducId: null });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const r = await authenticateCredentials({ email: "juan.sic@example.test", password: "Chichicaste2026", ip: null }, { db });
    expect(r).toMatchObject({ ok: true, user: { id, roles: ["CITIZEN"] } });
  });

  it("creates a TRANSLATOR when the person says they are a sworn translator", async () => {
    const db = tdb.prisma;
    const { id } = await registerCitizen(form({ email: "traductora@example.test", cui: "2345678990101", isTranslator: "on" }), { db });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).roles).toEqual(["TRANSLATOR"]);
  });

  it("refuses a duplicate e-mail and a duplicate CUI as field errors, creating nothing", async () => {
    const db = tdb.prisma;
    const before = await db.user.count();
    const err = await registerCitizen(form({ email: "JUAN.SIC@example.test", cui: "1234567892217" }), { db }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).fieldErrors).toEqual({ email: [DUPLICATE_EMAIL_MESSAGE], cui: [DUPLICATE_CUI_MESSAGE] });

    const onlyCui = await registerCitizen(form({ email: "otro@example.test" }), { db }).catch((e) => e);
    expect((onlyCui as DomainError).fieldErrors).toEqual({ cui: [DUPLICATE_CUI_MESSAGE] });
    expect(await db.user.count()).toBe(before);
  });

  it("two simultaneous registrations with the same e-mail: one account, the other told why", async () => {
    const db = tdb.prisma;
    const results = await Promise.allSettled([
      registerCitizen(form({ email: "carrera@example.test", cui: "1111111100601" }), { db }),
      registerCitizen(form({ email: "carrera@example.test", cui: "0000000511332" }), { db }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(DomainError);
    expect((lost.reason as DomainError).fieldErrors.email).toEqual([DUPLICATE_EMAIL_MESSAGE]);
    expect(await db.user.count({ where: { email: "carrera@example.test" } })).toBe(1);
  });
});
