import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import {
  confirmRegistration,
  REGISTRATION_CUI_TAKEN_MESSAGE,
  REGISTRATION_EMAIL_TAKEN_MESSAGE,
  REGISTRATION_LINK_EXPIRED_MESSAGE,
  REGISTRATION_LINK_INVALID_MESSAGE,
} from "@/lib/auth/confirm-registration";
import { hashPassword } from "@/lib/auth/hash-password";
import { readPendingRegistration } from "@/lib/auth/read-pending-registration";
import { registerCitizen } from "@/lib/auth/register-citizen";
import { REGISTRATION } from "@/lib/auth/registration-policy";
import { ZCitizenRegistration } from "@/lib/auth/schemas";
import { DomainError } from "@/lib/errors";
import { cuiCheckDigit } from "@/lib/identity/validate-cui";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

let tdb: TTestDatabase;
const OWNER = { email: "duena@example.test", cui: "2345678990101", name: "Dueña de la Cuenta" };

beforeAll(async () => {
  tdb = await createTestDatabase();
  await tdb.prisma.user.create({ data: { ...OWNER, passwordHash: await hashPassword("Original2026x"), roles: ["CITIZEN"] } });
});
afterAll(async () => {
  await tdb?.drop();
});

let nextCui = 10_000_000;
// A fresh valid CUI for every registration that must not collide.
function freshCui(): string {
  for (;;) {
    const sequence = String(nextCui++);
    const check = cuiCheckDigit(sequence);
    if (check !== null) return `${sequence}${check}0101`;
  }
}

const form = (over: Record<string, unknown> = {}) =>
  ZCitizenRegistration.parse({
    name: "Juan Pablo Sic Batz",
    cui: freshCui(),
    email: "Juan.Sic@Example.test",
    password: "Chichicaste2026",
    passwordConfirmation: "Chichicaste2026",
    ...over,
  });

async function mailsTo(email: string) {
  return tdb.prisma.outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

function tokenIn(text: string): string {
  const m = /\/registro\/confirmar\?token=([A-Za-z0-9_-]{43})/.exec(text);
  if (!m) throw new Error(`no confirmation link in: ${text}`);
  return m[1];
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe("registerCitizen: the same answer whether or not the e-mail or the CUI has an account", () => {
  it("new address, an address with an account, a CUI with an account, both: same answer, no account created, only the inbox differs", async () => {
    const db = tdb.prisma;
    const users = await db.user.count();
    const t = new Date("2026-05-04T15:00:00Z");

    const fresh = await registerCitizen(form({ email: "nueva@example.test" }), { db, now: t, ip: "192.0.2.1" });
    const takenEmail = await registerCitizen(form({ email: "DUENA@example.test" }), { db, now: t, ip: "192.0.2.1" });
    const takenCui = await registerCitizen(form({ email: "otra@example.test", cui: "2345 67899 0101" }), { db, now: t, ip: "192.0.2.1" });
    const both = await registerCitizen(form({ email: "duena@example.test", cui: OWNER.cui }), { db, now: t, ip: "192.0.2.1" });

    // What the form gets back names only the address typed, in every case.
    expect(fresh).toMatchObject({ email: "nueva@example.test" });
    expect(takenEmail).toMatchObject({ email: "duena@example.test" });
    expect(takenCui).toMatchObject({ email: "otra@example.test" });
    expect(both).toMatchObject({ email: "duena@example.test" });
    for (const r of [fresh, takenEmail, takenCui, both]) expect(Object.keys(r).sort()).toEqual(["email", "outboxIds"]);
    expect(await db.user.count()).toBe(users);

    // The new address gets the link; a pending registration waits for it, with an argon2 hash.
    const [confirmation] = await mailsTo("nueva@example.test");
    expect(confirmation.subject).toBe("Confirme su correo para crear su cuenta en Certifica");
    expect(confirmation.text).toContain("24 horas");
    tokenIn(confirmation.text);
    const pending = await db.pendingRegistration.findMany({ where: { email: { in: ["nueva@example.test", "duena@example.test", "otra@example.test"] } } });
    expect(pending.map((p) => p.email)).toEqual(["nueva@example.test"]);
    expect(pending[0].passwordHash).toMatch(/^\$argon2id\$/);
    expect(pending[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pending[0].expiresAt.getTime() - t.getTime()).toBe(REGISTRATION.confirmationValidMs);
    expect(confirmation.text).not.toContain(pending[0].tokenHash);

    // The owner of the address that has an account is told, twice (two attempts), with no link.
    const ownerMails = await mailsTo("duena@example.test");
    expect(ownerMails.map((m) => m.subject)).toEqual([
      "Alguien intentó crear una cuenta con su correo",
      "Alguien intentó crear una cuenta con su CUI",
      "Alguien intentó crear una cuenta con su correo",
    ]);
    for (const m of ownerMails) expect(m.text).not.toContain("token=");
    // The address typed with the owner's CUI learns only that this CUI cannot open another account.
    const [refused] = await mailsTo("otra@example.test");
    expect(refused.subject).toBe("No pudimos crear su cuenta en Certifica");
    expect(refused.text).toContain("ya pertenece a otra cuenta");
    for (const secret of [OWNER.email, OWNER.name, OWNER.cui, "token="]) expect(refused.text).not.toContain(secret);
    // Nothing left yet: the answer never waits for SMTP.
    expect((await db.outboxMail.findMany({ where: { id: { in: [...fresh.outboxIds, ...takenCui.outboxIds] } } })).every((m) => m.sentAt === null)).toBe(true);
  });

  it("at most three mails an hour to one address: the form still answers the same, and no more mail leaves", async () => {
    const db = tdb.prisma;
    const t = new Date("2026-05-05T15:00:00Z");
    for (let i = 0; i < REGISTRATION.address.max + 2; i++) {
      const r = await registerCitizen(form({ email: "bombardeo@example.test" }), { db, now: new Date(t.getTime() + i * 1000), ip: `192.0.2.${10 + i}` });
      expect(r.email).toBe("bombardeo@example.test");
    }
    expect(await mailsTo("bombardeo@example.test")).toHaveLength(REGISTRATION.address.max);
    const later = await registerCitizen(form({ email: "bombardeo@example.test" }), { db, now: new Date(t.getTime() + REGISTRATION.address.windowMs + 5000), ip: "192.0.2.9" });
    expect(later.outboxIds).toHaveLength(1);
  });

  it("throttled per client: past 20 in an hour the client is refused with a message that names no account; other clients are not", async () => {
    const db = tdb.prisma;
    const t = new Date("2026-05-06T15:00:00Z");
    for (let i = 0; i < REGISTRATION.client.max; i++) {
      await registerCitizen(form({ email: `lote${i}@example.test` }), { db, now: new Date(t.getTime() + i * 1000), ip: "203.0.113.50" });
    }
    const refusedAt = new Date(t.getTime() + 10 * 60_000);
    const e = await refusal(registerCitizen(form({ email: "lote-extra@example.test" }), { db, now: refusedAt, ip: "203.0.113.50" }));
    expect(e.code).toBe("RATE_LIMITED");
    expect(e.message).toBe("Se enviaron demasiados registros desde su conexión. Espere 50 minutos e intente de nuevo; lo que escribió se conserva.");
    // The same address already registered or not: the same refusal, nothing written.
    const e2 = await refusal(registerCitizen(form({ email: OWNER.email }), { db, now: refusedAt, ip: "203.0.113.50" }));
    expect(e2.message).toBe(e.message);
    expect(await mailsTo("lote-extra@example.test")).toHaveLength(0);
    // Another client, and the same client an hour later, register normally.
    expect((await registerCitizen(form({ email: "vecina@example.test" }), { db, now: refusedAt, ip: "203.0.113.51" })).outboxIds).toHaveLength(1);
    expect((await registerCitizen(form({ email: "lote-extra@example.test" }), { db, now: new Date(t.getTime() + 61 * 60_000), ip: "203.0.113.50" })).outboxIds).toHaveLength(1);
  }, 180_000);
});

describe("confirmRegistration: the link creates the account once", () => {
  it("creates the CITIZEN the form described, who can then sign in; the link then no longer works", async () => {
    const db = tdb.prisma;
    const t = new Date("2026-05-07T15:00:00Z");
    const cui = freshCui();
    await registerCitizen(form({ email: "Confirma@Example.test", cui, phone: "4478 2106" }), { db, now: t, ip: null });
    const token = tokenIn((await mailsTo("confirma@example.test"))[0].text);
    expect(await readPendingRegistration(token, { db, now: t })).toEqual({ status: "VALID", name: "Juan Pablo Sic Batz", email: "confirma@example.test", isTranslator: false });
    // Reading the page created nothing.
    expect(await db.user.findUnique({ where: { email: "confirma@example.test" } })).toBeNull();

    const { userId } = await confirmRegistration(token, { db, now: new Date(t.getTime() + 60_000) });
    const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(row).toMatchObject({ email: "confirma@example.test", name: "Juan Pablo Sic Batz", cui, phone: "4478-2106", roles: ["CITIZEN"], active: true, dideducId: null });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await authenticateCredentials({ email: "confirma@example.test", password: "Chichicaste2026", ip: null }, { db })).toMatchObject({ ok: true, user: { id: userId } });

    const again = await refusal(confirmRegistration(token, { db }));
    expect(again.message).toBe(REGISTRATION_LINK_INVALID_MESSAGE);
    expect(await readPendingRegistration(token, { db })).toEqual({ status: "INVALID" });
    expect((await refusal(confirmRegistration("no-es-un-token", { db }))).message).toBe(REGISTRATION_LINK_INVALID_MESSAGE);
  });

  it("a sworn translator gets the TRANSLATOR role", async () => {
    const db = tdb.prisma;
    await registerCitizen(form({ email: "traductora.nueva@example.test", isTranslator: "on" }), { db, ip: null });
    const { userId } = await confirmRegistration(tokenIn((await mailsTo("traductora.nueva@example.test"))[0].text), { db });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).roles).toEqual(["TRANSLATOR"]);
  });

  it("two confirmations of one link at once: one account, the other told the link was used", async () => {
    const db = tdb.prisma;
    await registerCitizen(form({ email: "doble.clic@example.test" }), { db, ip: null });
    const token = tokenIn((await mailsTo("doble.clic@example.test"))[0].text);
    const results = await Promise.allSettled([confirmRegistration(token, { db }), confirmRegistration(token, { db })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(DomainError);
    expect((lost.reason as DomainError).message).toBe(REGISTRATION_LINK_INVALID_MESSAGE);
    expect(await db.user.count({ where: { email: "doble.clic@example.test" } })).toBe(1);
  });

  it("an expired link is refused with its own message, and spent", async () => {
    const db = tdb.prisma;
    const t = new Date("2026-05-08T15:00:00Z");
    await registerCitizen(form({ email: "tarde@example.test" }), { db, now: t, ip: null });
    const token = tokenIn((await mailsTo("tarde@example.test"))[0].text);
    const late = new Date(t.getTime() + REGISTRATION.confirmationValidMs);
    expect(await readPendingRegistration(token, { db, now: late })).toEqual({ status: "EXPIRED" });
    // Another registration meanwhile sweeps only links expired a week ago: this one still says it expired.
    await registerCitizen(form({ email: "otra.tarde@example.test" }), { db, now: late, ip: null });
    expect(await readPendingRegistration(token, { db, now: late })).toEqual({ status: "EXPIRED" });
    expect((await refusal(confirmRegistration(token, { db, now: late }))).message).toBe(REGISTRATION_LINK_EXPIRED_MESSAGE);
    expect(await db.user.findUnique({ where: { email: "tarde@example.test" } })).toBeNull();
    expect((await refusal(confirmRegistration(token, { db, now: late }))).message).toBe(REGISTRATION_LINK_INVALID_MESSAGE);
  });

  it("an e-mail registered meanwhile: of two links for one address confirmed at once, one creates the account and the other says so", async () => {
    const db = tdb.prisma;
    await registerCitizen(form({ email: "carrera@example.test" }), { db, ip: null });
    await registerCitizen(form({ email: "carrera@example.test", name: "Juana Sic Batz" }), { db, ip: null });
    const [a, b] = (await mailsTo("carrera@example.test")).map((m) => tokenIn(m.text));
    const results = await Promise.allSettled([confirmRegistration(a, { db }), confirmRegistration(b, { db })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect((lost.reason as DomainError).message).toBe(REGISTRATION_EMAIL_TAKEN_MESSAGE);
    expect(await db.user.count({ where: { email: "carrera@example.test" } })).toBe(1);
    expect(await db.pendingRegistration.count({ where: { email: "carrera@example.test" } })).toBe(0);
    // Both links are spent.
    for (const token of [a, b]) expect((await refusal(confirmRegistration(token, { db }))).message).toBe(REGISTRATION_LINK_INVALID_MESSAGE);
  });

  it("a CUI that got an account meanwhile: the second link is refused, and nothing is created", async () => {
    const db = tdb.prisma;
    const cui = freshCui();
    await registerCitizen(form({ email: "primera@example.test", cui }), { db, ip: null });
    await registerCitizen(form({ email: "segunda@example.test", cui }), { db, ip: null });
    await confirmRegistration(tokenIn((await mailsTo("primera@example.test"))[0].text), { db });
    const e = await refusal(confirmRegistration(tokenIn((await mailsTo("segunda@example.test"))[0].text), { db }));
    expect(e.message).toBe(REGISTRATION_CUI_TAKEN_MESSAGE);
    expect(await db.user.findUnique({ where: { email: "segunda@example.test" } })).toBeNull();
  });
});
