import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/hash-password";
import { DIDEDUC_ROLES, ROLES } from "@/lib/auth/roles";
import { fingerprintCertificate } from "@/lib/pki/fingerprint-certificate";
import { openPkcs12 } from "@/lib/pki/open-pkcs12";
import { DEMO_ACCOUNTS, DEMO_CERTIFICATES, demoPkcs12Path } from "@/prisma/seed/demo-accounts";
import { isDatabaseEmpty, seedDatabase, type TSeedResult } from "@/prisma/seed/seed-database";
import { createTestDatabaseWhenTemplateIsFree } from "@/tests/helpers/seeded-world";
import type { TTestDatabase } from "@/tests/helpers/test-database";

// The list in procedures.md, verbatim.
const DIDEDUC_NAMES = `Alta Verapaz, Baja Verapaz, Chimaltenango, Chiquimula, El Progreso, Escuintla, Guatemala
Norte, Guatemala Sur, Guatemala Oriente, Guatemala Occidente, Huehuetenango, Izabal, Jalapa,
Jutiapa, Petén, Quetzaltenango, Quiché, Quiché Norte, Retalhuleu, Sacatepéquez, San Marcos,
Santa Rosa, Sololá, Suchitepéquez, Totonicapán, Zacapa`
  .replace(/\s+/g, " ")
  .split(", ");

let db: TTestDatabase;
let pkiDir: string;
let first: TSeedResult;
const now = new Date();

beforeAll(async () => {
  db = await createTestDatabaseWhenTemplateIsFree();
  pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-seed-pki-"));
  expect(await isDatabaseEmpty(db.prisma)).toBe(true);
  first = await seedDatabase(db.prisma, { pkiDir, now });
});

afterAll(async () => {
  await db?.drop();
  if (pkiDir) fs.rmSync(pkiDir, { recursive: true, force: true });
});

describe("seedDatabase on a fresh database", () => {
  it("is no longer empty", async () => {
    expect(await isDatabaseEmpty(db.prisma)).toBe(false);
  });

  it("creates the 26 DIDEDUCs, each with its placeholder contact data and 1–3 supervision offices", async () => {
    expect(DIDEDUC_NAMES).toHaveLength(26);
    const dideducs = await db.prisma.dideduc.findMany({ include: { supervisions: true } });
    expect(dideducs.map((d) => d.name).sort()).toEqual([...DIDEDUC_NAMES].sort());
    for (const d of dideducs) {
      expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(["A", "B", "C"]).toContain(d.type);
      expect(d.isPlaceholder).toBe(true);
      expect(d.address.length).toBeGreaterThan(10);
      expect(d.phone).toMatch(/^\d{4}-\d{4}$/);
      expect(d.email).toMatch(/@demo\.certifica\.gt$/);
      expect(d.supervisions.length).toBeGreaterThanOrEqual(1);
      expect(d.supervisions.length).toBeLessThanOrEqual(3);
      for (const s of d.supervisions) {
        expect(s.name).toMatch(/^Supervisión Educativa/);
        expect(s.phone).toMatch(/^\d{4}-\d{4}$/);
        expect(s.address).not.toBe("");
      }
    }
  });

  it("gives every role an account, whose documented password works", async () => {
    const users = await db.prisma.user.findMany({ include: { dideduc: true } });
    for (const role of ROLES) expect(users.some((u) => u.active && u.roles.includes(role))).toBe(true);
    for (const a of DEMO_ACCOUNTS) {
      const u = users.find((x) => x.email === a.email)!;
      expect(u, a.email).toBeDefined();
      expect(a.password.length).toBeGreaterThanOrEqual(10);
      expect(a.password).toMatch(/[A-Za-z]/);
      expect(a.password).toMatch(/\d/);
      expect(await verifyPassword(u.passwordHash, a.password)).toBe(true);
      expect(u.roles.sort()).toEqual([...a.roles].sort());
      if (u.roles.some((r) => DIDEDUC_ROLES.includes(r))) {
        expect(u.dideducId).not.toBeNull();
        expect(u.post).toBeTruthy();
      }
    }
  });

  it("has a reviewer and a signer in at least two DIDEDUCs", async () => {
    const staff = await db.prisma.user.findMany({ where: { dideducId: { not: null } }, include: { dideduc: true } });
    const withBoth = new Set(
      staff
        .filter((u) => u.roles.includes("DIDEDUC_SIGNER"))
        .map((u) => u.dideduc!.name)
        .filter((name) => staff.some((r) => r.roles.includes("DIDEDUC_REVIEWER") && r.dideduc!.name === name)),
    );
    expect([...withBoth].sort()).toEqual(["Guatemala Norte", "Quetzaltenango"]);
  });

  it("registers each demo certificate with the fingerprint of the certificate inside its .p12", async () => {
    const signers = await db.prisma.authorizedSigner.findMany({ include: { dideduc: true, user: true } });
    expect(signers).toHaveLength(DEMO_CERTIFICATES.length);
    for (const def of DEMO_CERTIFICATES) {
      const opened = openPkcs12(fs.readFileSync(demoPkcs12Path(def.key, pkiDir)), def.passphrase);
      const fingerprint = fingerprintCertificate(opened.certPem);
      const row = signers.find((s) => s.certFingerprint === fingerprint);
      expect(row, def.key).toBeDefined();
      expect(row!.name).toBe(def.holderName);
      expect(row!.office).toBe(def.office);
      expect(row!.post).toBe(def.post);
      expect(row!.certPem).toBe(opened.certPem);
      expect(row!.certSubject.startsWith(`CN=${def.holderName}, `)).toBe(true);
      expect(row!.validFrom.getTime()).toBe(opened.certificate.validity.notBefore.getTime());
      expect(row!.validTo.getTime()).toBe(opened.certificate.validity.notAfter.getTime());
      expect(row!.dideduc?.code ?? null).toBe(def.dideducCode ?? null);
      expect(row!.user?.email ?? null).toBe(def.accountEmail ?? null);
      if (def.office === "DIDEDUC") expect(row!.dideducId).not.toBeNull();
      else expect(row!.dideducId).toBeNull();
      if (def.status === "revoked") {
        expect(row!.revokedAt!.getTime()).toBeLessThan(now.getTime());
        expect(row!.revokedReason).toBeTruthy();
      } else expect(row!.revokedAt).toBeNull();
      if (def.status === "expired") expect(row!.validTo.getTime()).toBeLessThan(now.getTime());
      else expect(row!.validTo.getTime()).toBeGreaterThan(now.getTime());
    }
    // Every account that is given a PKCS#12 holds an active registry entry for it.
    for (const a of DEMO_ACCOUNTS.filter((x) => x.certificateKey)) {
      const active = signers.filter((s) => s.user?.email === a.email && !s.revokedAt && s.validTo > now);
      expect(active, a.email).toHaveLength(1);
    }
    expect(signers.filter((s) => s.office === "ARCHIVE" && !s.userId)).toHaveLength(1);
  });

  it("registers the sworn translator with her account and languages", async () => {
    const t = await db.prisma.swornTranslator.findMany({ include: { user: true, dideduc: true } });
    expect(t).toHaveLength(1);
    expect(t[0].name).toBe("Ana Lucía Méndez Ruiz");
    expect(t[0].languages).toEqual(["inglés", "francés"]);
    expect(t[0].user?.roles).toEqual(["TRANSLATOR"]);
    expect(t[0].active).toBe(true);
    const demoTranslator = await db.prisma.user.findUnique({ where: { email: "traductor@demo.certifica.gt" }, include: { translator: true } });
    expect(demoTranslator?.translator).toBeNull();
  });

  it("fills the title registry and one delegation running now, within one DIDEDUC", async () => {
    const diplomas = await db.prisma.diplomaRegistry.findMany();
    expect(diplomas.length).toBeGreaterThanOrEqual(10);
    for (const d of diplomas) {
      expect(d.registrationNumber).toMatch(/^D-\d{4}-\d{6}$/);
      expect(d.year).toBeGreaterThanOrEqual(2005);
      expect(d.registrationNumber.slice(2, 6)).toBe(String(d.year));
    }
    const delegations = await db.prisma.delegation.findMany({ include: { grantor: true, delegate: true } });
    expect(delegations).toHaveLength(1);
    const [g] = delegations;
    expect(g.role).toBe("DIDEDUC_REVIEWER");
    expect(g.grantor.roles).toContain("DIDEDUC_SIGNER");
    expect(g.grantor.dideducId).toBe(g.dideducId);
    expect(g.delegate.dideducId).toBe(g.dideducId);
    expect(g.validFrom.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(g.validTo.getTime()).toBeGreaterThan(now.getTime());
  });

  it("seeds the proposed service-level targets and Guatemala's official holidays of 2026 and 2027 (decision 0022)", async () => {
    expect(await db.prisma.serviceLevelTarget.findUnique({ where: { procedure_state: { procedure: "EDUCATIONAL_RECORD", state: "DIDEDUC_REVIEW" } } })).toMatchObject({ businessDays: 5 });
    expect(await db.prisma.serviceLevelTarget.count({ where: { state: "NEEDS_CORRECTION" } })).toBe(0);
    const holidays = await db.prisma.holiday.findMany({ orderBy: { date: "asc" } });
    expect(holidays).toHaveLength(24);
    expect(holidays.filter((h) => h.halfDay).map((h) => h.date.toISOString().slice(0, 10))).toEqual(["2026-12-24", "2026-12-31", "2027-12-24", "2027-12-31"]);
  });

  it("creates no cases", async () => {
    expect(await db.prisma.case.count()).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(0);
  });

  it("changes nothing when run again", async () => {
    const snapshot = async () => ({
      users: await db.prisma.user.findMany({ orderBy: { email: "asc" } }),
      signers: await db.prisma.authorizedSigner.findMany({ orderBy: { id: "asc" } }),
      dideducs: await db.prisma.dideduc.findMany({ orderBy: { code: "asc" } }),
      supervisions: await db.prisma.supervisionOffice.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    const second = await seedDatabase(db.prisma, { pkiDir, now });
    expect(second.after).toEqual(first.after);
    expect(second.before).toEqual(first.after);
    expect(second.pki.written).toEqual([]);
    const after = await snapshot();
    expect(after.users).toEqual(before.users);
    expect(after.dideducs).toEqual(before.dideducs);
    expect(after.supervisions).toEqual(before.supervisions);
    expect(after.signers.map(({ updatedAt: _u, ...s }) => s)).toEqual(before.signers.map(({ updatedAt: _u, ...s }) => s));
  });
});
