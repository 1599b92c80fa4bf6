import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listSupervisionOffices } from "@/lib/cases/list-supervision-offices";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { saveSupervisionOffice } from "@/lib/admin/save-supervision-office";
import type { Procedure, Role } from "@/lib/generated/prisma/enums";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Issue #12, point 10: the procedure's data tables ask that placeholder data be marked on screen. The
// seed's supervision offices (and DIDEDUC contact data) are invented: when a reviewer sends a citizen
// to one, the stored guidance says so (`contact.isPlaceholder`, decided at the transition) and the
// rejection mail says "Dato de demostración"; a real office carries no mark; an administrator's
// later edit of the office does not change what the citizen was given.
let tdb: TTestDatabase;
let reviewer: TSessionUser;
let citizen: TSessionUser;
let admin: TSessionUser;
let dideducId: string;
let seq = 0;

const DEMO_OFFICE = { name: "Supervisión Educativa 01-01-01 (demostración)", phone: "2200-0101", address: "Zona 1, Ciudad de Guatemala (demostración)" };
const REAL_OFFICE = { name: "Supervisión Educativa de Mixco", phone: "2435-1122", address: "4a. calle 3-10, zona 1, Mixco" };

async function user(email: string, roles: Role[], dideduc: string | null): Promise<TSessionUser> {
  const u = await tdb.prisma.user.create({ data: { email, name: `Nombre ${email.split("@")[0]}`, passwordHash: "x", roles, dideducId: dideduc } });
  return { id: u.id, name: u.name, email: u.email, roles: u.roles, dideducId: dideduc, delegatedRoles: [] };
}

async function caseInReview(procedure: Procedure = "EDUCATIONAL_RECORD") {
  seq += 1;
  const prefix = procedure === "EDUCATIONAL_RECORD" ? "EE" : "TA";
  return tdb.prisma.case.create({
    data: { number: `${prefix}-2026-${String(seq).padStart(6, "0")}`, procedure, state: "DIDEDUC_REVIEW", applicantId: citizen.id, dideducId, submittedAt: new Date() },
  });
}

async function lastMail(caseId: string) {
  return tdb.prisma.outboxMail.findFirstOrThrow({ where: { caseId }, orderBy: { createdAt: "desc" } });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const d = await tdb.prisma.dideduc.create({
    data: { code: "GN", name: "Guatemala Norte", type: "A", address: "Avenida de demostración 1-1", phone: "2222-0000", email: "gn@example.test", isPlaceholder: true },
  });
  dideducId = d.id;
  await tdb.prisma.supervisionOffice.create({ data: { id: "seed-supervision-GN-1", dideducId, ...DEMO_OFFICE, isPlaceholder: true } });
  await tdb.prisma.supervisionOffice.create({ data: { dideducId, ...REAL_OFFICE } });
  citizen = await user("ciudadana@example.test", ["CITIZEN"], null);
  reviewer = await user("revisora@example.test", ["DIDEDUC_REVIEWER"], dideducId);
  admin = await user("admin@example.test", ["ADMIN"], null);
});
afterAll(async () => {
  await tdb?.drop();
});

describe("demo supervision offices in a rejection with guidance", () => {
  it("offers the reviewer the directory with each office's placeholder flag", async () => {
    const offices = await listSupervisionOffices(dideducId, { db: tdb.prisma });
    expect(offices.map((o) => [o.name, o.isPlaceholder])).toEqual([
      [DEMO_OFFICE.name, true],
      [REAL_OFFICE.name, false],
    ]);
  });

  it("stores contact.isPlaceholder with the guidance and says «Dato de demostración» in the mail; an admin's later edit does not change it", async () => {
    const c = await caseInReview();
    await performCaseAction(
      { actor: reviewer, caseId: c.id, action: "reject_with_guidance", input: { reason: "No consta en registros.", supervision: DEMO_OFFICE }, expectedVersion: c.version, ip: null },
      { db: tdb.prisma },
    );
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.guidance).toEqual({ kind: "SUPERVISION", contact: { ...DEMO_OFFICE, isPlaceholder: true } });
    const view = await getCaseForActor({ actor: citizen, caseId: c.id }, { db: tdb.prisma });
    expect(view?.guidance?.contact).toMatchObject({ isPlaceholder: true });
    const audit = await tdb.prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "reject_with_guidance" } });
    expect((audit.data as { guidance: unknown }).guidance).toEqual(row.guidance);

    const mail = await lastMail(c.id);
    expect(mail.text).toContain(DEMO_OFFICE.phone);
    expect(mail.text).toContain("Dato de demostración");
    expect(mail.html).toContain("Dato de demostración");

    // The administrator saves the office's real data: the office loses its mark, the case keeps what it was told.
    await saveSupervisionOffice(admin, { dideducId, officeId: "seed-supervision-GN-1", name: DEMO_OFFICE.name, phone: "2200-9999", address: "Real 1-1" }, { db: tdb.prisma });
    expect(await tdb.prisma.supervisionOffice.findUniqueOrThrow({ where: { id: "seed-supervision-GN-1" } })).toMatchObject({ isPlaceholder: false });
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).guidance).toEqual(row.guidance);
    // The same old values typed again by a reviewer are no longer the directory's placeholder.
    const again = await caseInReview();
    await performCaseAction(
      { actor: reviewer, caseId: again.id, action: "reject_with_guidance", input: { reason: "No consta.", supervision: { ...DEMO_OFFICE, phone: "2200-9999", address: "Real 1-1" } }, expectedVersion: again.version, ip: null },
      { db: tdb.prisma },
    );
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: again.id } })).guidance).toEqual({
      kind: "SUPERVISION",
      contact: { ...DEMO_OFFICE, phone: "2200-9999", address: "Real 1-1" },
    });
    expect((await lastMail(again.id)).text).not.toContain("Dato de demostración");
  });

  it("marks nothing for a real office, and cannot be marked by the reviewer's input", async () => {
    const c = await caseInReview();
    await performCaseAction(
      {
        actor: reviewer,
        caseId: c.id,
        action: "reject_with_guidance",
        input: { reason: "No consta en registros.", supervision: { ...REAL_OFFICE, isPlaceholder: true } },
        expectedVersion: c.version,
        ip: null,
      },
      { db: tdb.prisma },
    );
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).guidance).toEqual({ kind: "SUPERVISION", contact: REAL_OFFICE });
    const mail = await lastMail(c.id);
    expect(mail.text).toContain(REAL_OFFICE.phone);
    expect(mail.text).not.toContain("Dato de demostración");
  });

  it("marks the DIDEDUC's own placeholder contact data when the reviewer sends the citizen there (D.2.1 documents requested)", async () => {
    const c = await caseInReview("DIPLOMA_BEFORE_2005");
    const dideduc = { name: "Dirección Departamental Guatemala Norte", phone: "2222-0000", address: "Avenida de demostración 1-1" };
    await performCaseAction(
      {
        actor: reviewer,
        caseId: c.id,
        action: "reject_requesting_documents",
        input: { reason: "Necesitamos el cierre de pensum.", documents: ["CIERRE_DE_PENSUM"], obtainAt: dideduc },
        expectedVersion: c.version,
        ip: null,
      },
      { db: tdb.prisma },
    );
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).guidance).toEqual({
      kind: "REQUEST_DOCUMENTS",
      documents: ["CIERRE_DE_PENSUM"],
      contact: { ...dideduc, isPlaceholder: true },
    });
    expect((await lastMail(c.id)).text).toContain("Dato de demostración");
  });
});
