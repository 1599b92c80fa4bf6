import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setStaffAccountActive } from "@/lib/admin/set-staff-account-active";
import { updateStaffAccount } from "@/lib/admin/update-staff-account";
import type { SignerOffice } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Issue #9 §1 (side effects of changing a staff account): a change of office, roles or active flag
// ends the account's sessions (sessionVersion), revokes its delegations — and those it granted when
// it can no longer stand behind them — and ends the registry entries it no longer backs; each
// revocation audited, all in the transaction of the change. A change of post alone does none of it.

const NOW = new Date("2026-03-10T15:00:00Z");
const ACTIVE = { validFrom: new Date("2026-03-01T06:00:00Z"), validTo: new Date("2026-04-01T05:59:59Z") };
const UPCOMING = { validFrom: new Date("2026-03-20T06:00:00Z"), validTo: new Date("2026-03-31T05:59:59Z") };
const PAST = { validFrom: new Date("2026-02-01T06:00:00Z"), validTo: new Date("2026-03-01T05:59:59Z") };
const EARLIER_REVOCATION = new Date("2026-03-03T15:00:00Z");

let tdb: TTestDatabase;
let gn: string;
let xela: string;
let admin: { id: string; roles: Role[] };
let counter = 0;
const options = () => ({ db: tdb.prisma, now: NOW, ip: "10.9.8.7" });

async function user(key: string, roles: Role[], dideducId: string | null) {
  counter += 1;
  const u = await tdb.prisma.user.create({ data: { email: `${key}-${counter}@example.test`, name: `${key} ${counter}`, passwordHash: "x", roles, dideducId } });
  return { id: u.id, roles: u.roles, dideducId: u.dideducId };
}

async function delegation(grantorId: string, delegateId: string, dideducId: string, range: typeof ACTIVE, revokedAt: Date | null = null) {
  return tdb.prisma.delegation.create({ data: { dideducId, grantorId, delegateId, role: "DIDEDUC_REVIEWER", ...range, revokedAt } });
}

async function signerEntry(userId: string, office: SignerOffice, dideducId: string | null, revoked?: { at: Date; reason: string }) {
  counter += 1;
  return tdb.prisma.authorizedSigner.create({
    data: {
      userId,
      name: `Firmante ${counter}`,
      office,
      dideducId,
      post: "Director Departamental",
      certFingerprint: counter.toString(16).padStart(64, "0"),
      certSubject: `CN=Firmante ${counter}`,
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validTo: new Date("2027-01-01T00:00:00Z"),
      revokedAt: revoked?.at ?? null,
      revokedReason: revoked?.reason ?? null,
    },
  });
}

const sessionVersion = async (id: string) => (await tdb.prisma.user.findUniqueOrThrow({ where: { id } })).sessionVersion;
const revokedAt = async (id: string) => (await tdb.prisma.delegation.findUniqueOrThrow({ where: { id } })).revokedAt;
const entry = (id: string) => tdb.prisma.authorizedSigner.findUniqueOrThrow({ where: { id } });
const revocationEvents = (delegationId: string) => tdb.prisma.auditEvent.findMany({ where: { action: "revoke_delegation", delegationId } });
const signerEvents = (authorizedSignerId: string) =>
  tdb.prisma.auditEvent.findMany({ where: { action: "admin.revoke_signer", data: { path: ["authorizedSignerId"], equals: authorizedSignerId } } });

beforeAll(async () => {
  tdb = await createTestDatabase();
  const db = tdb.prisma;
  gn = (await db.dideduc.create({ data: { code: "gn", name: "Guatemala Norte", type: "A", address: "Zona 1", phone: "2222-0000", email: "gn@example.test" } })).id;
  xela = (await db.dideduc.create({ data: { code: "xela", name: "Quetzaltenango", type: "C", address: "Xela", phone: "7761-0000", email: "xela@example.test" } })).id;
  admin = await user("admin", ["ADMIN"], null);
});
afterAll(async () => {
  await tdb?.drop();
});

describe("changing a delegate's account", () => {
  it("moving it to another DIDEDUC revokes its open delegations (audited, same instant), ends its sessions, and leaves ended ones alone", async () => {
    const director = await user("director", ["DIDEDUC_SIGNER"], gn);
    const analyst = await user("analista", [], gn);
    const current = await delegation(director.id, analyst.id, gn, ACTIVE);
    const upcoming = await delegation(director.id, analyst.id, gn, UPCOMING);
    const past = await delegation(director.id, analyst.id, gn, PAST);
    const revokedBefore = await delegation(director.id, analyst.id, gn, ACTIVE, EARLIER_REVOCATION);
    const versionBefore = await sessionVersion(analyst.id);

    await updateStaffAccount(admin, { userId: analyst.id, roles: [], dideducId: xela }, options());

    expect(await revokedAt(current.id)).toEqual(NOW);
    expect(await revokedAt(upcoming.id)).toEqual(NOW);
    expect(await revokedAt(past.id)).toBeNull();
    expect(await revokedAt(revokedBefore.id)).toEqual(EARLIER_REVOCATION);
    for (const d of [current, upcoming]) {
      const events = await revocationEvents(d.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: admin.id, role: "ADMIN", caseId: null, ip: "10.9.8.7", createdAt: NOW });
      expect(events[0].data).toMatchObject({ dideducId: gn, delegateId: analyst.id, cause: "delegate_account_changed" });
      expect(events[0].note).toContain("persona delegada");
    }
    expect(await revocationEvents(past.id)).toEqual([]);
    expect(await revocationEvents(revokedBefore.id)).toEqual([]);
    expect(await sessionVersion(analyst.id)).toBe(versionBefore + 1);
    // The grantor's own standing did not change.
    expect(await sessionVersion(director.id)).toBe(0);

    const change = await tdb.prisma.auditEvent.findFirstOrThrow({ where: { action: "admin.update_account", data: { path: ["userId"], equals: analyst.id } } });
    expect(change.data).toMatchObject({ changes: { dideducId: { from: gn, to: xela } }, ended: { sessionsEnded: true, delegationsRevoked: [current.id, upcoming.id] } });
  });

  it("changing its roles revokes its delegations too; changing only its post revokes nothing and keeps its sessions", async () => {
    const director = await user("director", ["DIDEDUC_SIGNER"], gn);
    const analyst = await user("analista", [], gn);
    const d = await delegation(director.id, analyst.id, gn, ACTIVE);

    await updateStaffAccount(admin, { userId: analyst.id, roles: [], dideducId: gn, post: "Analista" }, options());
    expect(await revokedAt(d.id)).toBeNull();
    expect(await sessionVersion(analyst.id)).toBe(0);

    await updateStaffAccount(admin, { userId: analyst.id, roles: ["DIDEDUC_REVIEWER"], dideducId: gn, post: "Analista" }, options());
    expect(await revokedAt(d.id)).toEqual(NOW);
    expect(await revocationEvents(d.id)).toHaveLength(1);
    expect(await sessionVersion(analyst.id)).toBe(1);
  });

  it("a refused change (a DIDEDUC role without a DIDEDUC) changes nothing at all", async () => {
    const director = await user("director", ["DIDEDUC_SIGNER"], gn);
    const analyst = await user("analista", [], gn);
    const d = await delegation(director.id, analyst.id, gn, ACTIVE);
    const events = await tdb.prisma.auditEvent.count();
    await expect(updateStaffAccount(admin, { userId: analyst.id, roles: ["DIDEDUC_REVIEWER"], dideducId: "" }, options())).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await revokedAt(d.id)).toBeNull();
    expect(await sessionVersion(analyst.id)).toBe(0);
    expect(await tdb.prisma.auditEvent.count()).toBe(events);
  });
});

describe("changing a director's account (who grants delegations and signs for the DIDEDUC)", () => {
  it("moving the director revokes the delegations they granted and ends their registry entry for the old DIDEDUC", async () => {
    const director = await user("director", ["DIDEDUC_SIGNER"], gn);
    const a = await user("analista", [], gn);
    const b = await user("analista", [], gn);
    const granted = [await delegation(director.id, a.id, gn, ACTIVE), await delegation(director.id, b.id, gn, UPCOMING)];
    const oldOffice = await signerEntry(director.id, "DIDEDUC", gn);

    await updateStaffAccount(admin, { userId: director.id, roles: ["DIDEDUC_SIGNER"], dideducId: xela }, options());

    for (const d of granted) {
      expect(await revokedAt(d.id)).toEqual(NOW);
      const events = await revocationEvents(d.id);
      expect(events).toHaveLength(1);
      expect(events[0].data).toMatchObject({ grantorId: director.id, cause: "grantor_account_changed" });
    }
    expect(await entry(oldOffice.id)).toMatchObject({ revokedAt: NOW, revokedReason: "La cuenta de la persona firmante pasó a otra Dirección Departamental." });
    const events = await signerEvents(oldOffice.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, role: "ADMIN", note: "La cuenta de la persona firmante pasó a otra Dirección Departamental.", createdAt: NOW });
    expect(await sessionVersion(director.id)).toBe(1);
    // The delegates' own accounts did not change: their sessions stay (their delegations are gone).
    expect(await sessionVersion(a.id)).toBe(0);
  });

  it("losing DIDEDUC_SIGNER ends what it granted and its DIDEDUC entry; gaining another role keeps both", async () => {
    const director = await user("director", ["DIDEDUC_SIGNER"], gn);
    const analyst = await user("analista", [], gn);
    const d = await delegation(director.id, analyst.id, gn, ACTIVE);
    const own = await signerEntry(director.id, "DIDEDUC", gn);

    await updateStaffAccount(admin, { userId: director.id, roles: ["DIDEDUC_SIGNER", "ADMIN"], dideducId: gn }, options());
    expect(await revokedAt(d.id)).toBeNull();
    expect((await entry(own.id)).revokedAt).toBeNull();
    expect(await sessionVersion(director.id)).toBe(1);

    await updateStaffAccount(admin, { userId: director.id, roles: ["DIDEDUC_REVIEWER"], dideducId: gn }, options());
    expect(await revokedAt(d.id)).toEqual(NOW);
    expect(await entry(own.id)).toMatchObject({ revokedAt: NOW, revokedReason: "La cuenta de la persona firmante ya no tiene el rol de firma de la Dirección Departamental." });
    expect(await signerEvents(own.id)).toHaveLength(1);
    expect(await sessionVersion(director.id)).toBe(2);
  });

  it("a central signer who loses every central role loses its central entry", async () => {
    const assistant = await user("asistente", ["CENTRAL_ASSISTANT"], null);
    const central = await signerEntry(assistant.id, "CENTRAL", null);
    await updateStaffAccount(admin, { userId: assistant.id, roles: ["CENTRAL_COORDINATOR"] }, options());
    expect((await entry(central.id)).revokedAt).toBeNull();
    await updateStaffAccount(admin, { userId: assistant.id, roles: ["ADMIN"] }, options());
    expect(await entry(central.id)).toMatchObject({ revokedAt: NOW, revokedReason: "La cuenta de la persona firmante ya no tiene un rol de Atención al Ciudadano." });
    expect(await sessionVersion(assistant.id)).toBe(2);
  });
});

describe("deactivating and reactivating an account", () => {
  it("deactivation revokes what it holds and granted, ends every registry entry bound to it (audited) and its sessions; reactivation restores none of it", async () => {
    const director = await user("director", ["DIDEDUC_SIGNER", "DIDEDUC_REVIEWER"], gn);
    const otherDirector = await user("director", ["DIDEDUC_SIGNER"], gn);
    const analyst = await user("analista", [], gn);
    const granted = await delegation(director.id, analyst.id, gn, ACTIVE);
    const held = await delegation(otherDirector.id, director.id, gn, ACTIVE);
    const dideducEntry = await signerEntry(director.id, "DIDEDUC", gn);
    const archiveEntry = await signerEntry(director.id, "ARCHIVE", null);
    const alreadyRevoked = await signerEntry(director.id, "DIDEDUC", gn, { at: EARLIER_REVOCATION, reason: "Extravío del dispositivo" });
    const scheduled = await signerEntry(director.id, "DIDEDUC", gn, { at: new Date("2026-06-01T00:00:00Z"), reason: "Fin del nombramiento" });
    const someoneElses = await signerEntry(otherDirector.id, "DIDEDUC", gn);

    await setStaffAccountActive(admin, { userId: director.id, active: false, reason: "Dejó el puesto" }, options());

    expect(await revokedAt(granted.id)).toEqual(NOW);
    expect(await revokedAt(held.id)).toEqual(NOW);
    expect(await revocationEvents(granted.id)).toHaveLength(1);
    expect(await revocationEvents(held.id)).toHaveLength(1);
    for (const e of [dideducEntry, archiveEntry, scheduled]) {
      expect(await entry(e.id)).toMatchObject({ revokedAt: NOW, revokedReason: "La cuenta de la persona firmante fue desactivada." });
      const events = await signerEvents(e.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: admin.id, role: "ADMIN", ip: "10.9.8.7" });
      expect(events[0].data).toMatchObject({ authorizedSignerId: e.id, cause: "account_changed", userId: director.id });
    }
    expect(await entry(alreadyRevoked.id)).toMatchObject({ revokedAt: EARLIER_REVOCATION, revokedReason: "Extravío del dispositivo" });
    expect(await signerEvents(alreadyRevoked.id)).toEqual([]);
    expect((await entry(someoneElses.id)).revokedAt).toBeNull();
    expect(await sessionVersion(director.id)).toBe(1);
    expect(await sessionVersion(otherDirector.id)).toBe(0);

    await setStaffAccountActive(admin, { userId: director.id, active: true }, options());
    expect(await sessionVersion(director.id)).toBe(2);
    expect((await entry(dideducEntry.id)).revokedAt).toEqual(NOW);
    expect(await revokedAt(granted.id)).toEqual(NOW);
    expect(await revocationEvents(granted.id)).toHaveLength(1);
  });
});
