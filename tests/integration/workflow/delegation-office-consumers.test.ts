import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { getUploadedFileForActor } from "@/lib/cases/get-uploaded-file-for-actor";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { readCaseDocument } from "@/lib/cases/read-case-document";
import { precheckTransition } from "@/lib/cases/signing/precheck-transition";
import type { Case } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { findActiveDelegation, findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { TransitionError } from "@/lib/workflow/transition-error";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Issue #9 §1: every place that reads delegations agrees that one counts only while its delegate
// belongs to its office — the queries, the session's delegated roles (which open /dideduc), the
// queue, the case view, the uploaded scans, the certification PDF and the signing precheck.
// The moved account is moved by writing User.dideducId directly: these consumers must refuse on
// their own, whatever revoked (or failed to revoke) the delegation.

const NOW = new Date("2026-03-10T15:00:00Z");
const RANGE = { validFrom: new Date("2026-03-01T06:00:00Z"), validTo: new Date("2026-04-01T05:59:59Z") };

let tdb: TTestDatabase;
let storageRoot: string;
let storage: LocalDiskStorage;
let gn: string;
let xela: string;
let citizen: TSessionUser;
let reviewerXela: TSessionUser;
let delegateHere: TSessionUser;
let moved: TSessionUser;
let deactivated: TSessionUser;
let delegationHere: string;
let movedDelegation: string;
let gnCase: Case;
let xelaCase: Case;
const files: Record<string, string> = {};

async function user(key: string, roles: Role[], dideducId: string | null): Promise<TSessionUser> {
  const u = await tdb.prisma.user.create({ data: { email: `${key}@example.test`, name: key, passwordHash: "x", roles, dideducId } });
  return { id: u.id, name: u.name, email: u.email, roles: u.roles, dideducId: u.dideducId, delegatedRoles: [] };
}

async function caseWithFiles(dideducId: string, number: string): Promise<Case> {
  const db = tdb.prisma;
  const c = await db.case.create({
    data: { number, procedure: "EDUCATIONAL_RECORD", state: "DIDEDUC_REVIEW", version: 1, applicantId: citizen.id, dideducId, submittedAt: new Date("2026-03-02T15:00:00Z") },
  });
  const scan = await storage.put(Buffer.from(`%PDF-1.7 escaneo ${number}`));
  const file = await db.uploadedFile.create({
    data: { caseId: c.id, uploaderId: citizen.id, kind: "SCAN", originalName: "escaneo.pdf", sha256: scan.sha256, size: scan.size, pages: 1, storageKey: scan.key },
  });
  files[number] = file.id;
  const reviewer = await db.user.findFirstOrThrow({ where: { dideducId, roles: { has: "DIDEDUC_SIGNER" } } });
  const sheet = await db.certificationSheet.create({ data: { caseId: c.id, generatedById: reviewer.id, data: {} } });
  const pdf = await storage.put(Buffer.from(`%PDF-1.7 certificación ${number}`));
  await db.documentVersion.create({ data: { caseId: c.id, sheetId: sheet.id, stage: "UNSIGNED", sha256: pdf.sha256, size: pdf.size, storageKey: pdf.key, createdById: reviewer.id } });
  return c;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-delegation-"));
  storage = new LocalDiskStorage(storageRoot);
  const db = tdb.prisma;
  gn = (await db.dideduc.create({ data: { code: "gn", name: "Guatemala Norte", type: "A", address: "Zona 1", phone: "2222-0000", email: "gn@example.test" } })).id;
  xela = (await db.dideduc.create({ data: { code: "xela", name: "Quetzaltenango", type: "C", address: "Xela", phone: "7761-0000", email: "xela@example.test" } })).id;
  citizen = await user("ciudadana", ["CITIZEN"], null);
  const signerGN = await user("firmante-gn", ["DIDEDUC_SIGNER"], gn);
  await user("firmante-xela", ["DIDEDUC_SIGNER"], xela);
  reviewerXela = await user("revisora-xela", ["DIDEDUC_REVIEWER"], xela);
  delegateHere = await user("delegado-gn", [], gn);
  moved = await user("delegado-trasladado", [], gn);
  deactivated = await user("delegado-desactivado", [], gn);
  const delegate = (delegateId: string) => db.delegation.create({ data: { dideducId: gn, grantorId: signerGN.id, delegateId, role: "DIDEDUC_REVIEWER", ...RANGE } });
  delegationHere = (await delegate(delegateHere.id)).id;
  movedDelegation = (await delegate(moved.id)).id;
  await delegate(deactivated.id);
  await db.user.update({ where: { id: moved.id }, data: { dideducId: xela } });
  moved = { ...moved, dideducId: xela };
  await db.user.update({ where: { id: deactivated.id }, data: { active: false } });

  gnCase = await caseWithFiles(gn, "EE-2026-000001");
  xelaCase = await caseWithFiles(xela, "EE-2026-000002");
});
afterAll(async () => {
  await tdb?.drop();
  if (storageRoot) fs.rmSync(storageRoot, { recursive: true, force: true });
});

// What the moved account's old session token could still claim: its old office and the delegated role.
const staleClaims = (): TSessionUser => ({ ...moved, dideducId: gn, delegatedRoles: ["DIDEDUC_REVIEWER"] });
const staleRoleInNewOffice = (): TSessionUser => ({ ...moved, delegatedRoles: ["DIDEDUC_REVIEWER"] });

describe("a delegation counts only while its delegate belongs to its office", () => {
  it("the delegation queries return it for staff of the office, not once the account moved or was deactivated", async () => {
    const db = tdb.prisma;
    expect((await findActiveDelegations(db, delegateHere.id, NOW)).map((d) => d.id)).toEqual([delegationHere]);
    expect((await findActiveDelegation(db, { delegateId: delegateHere.id, dideducId: gn, now: NOW }))?.id).toBe(delegationHere);

    expect(await findActiveDelegations(db, moved.id, NOW)).toEqual([]);
    expect(await findActiveDelegation(db, { delegateId: moved.id, dideducId: gn, now: NOW })).toBeNull();
    expect(await findActiveDelegations(db, deactivated.id, NOW)).toEqual([]);
    expect(await findActiveDelegation(db, { delegateId: deactivated.id, dideducId: gn, now: NOW })).toBeNull();
    // The record itself is untouched: it is simply of no use outside its office.
    expect(await db.delegation.findUniqueOrThrow({ where: { id: movedDelegation } })).toMatchObject({ revokedAt: null, dideducId: gn });
  });

  it("the session's delegated roles (which open /dideduc) leave out a delegation of an office the account has left", async () => {
    expect(await findSessionUser({ id: delegateHere.id }, { db: tdb.prisma, now: NOW })).toMatchObject({ roles: [], dideducId: gn, delegatedRoles: ["DIDEDUC_REVIEWER"] });
    expect(await findSessionUser({ id: moved.id }, { db: tdb.prisma, now: NOW })).toMatchObject({ roles: [], dideducId: xela, delegatedRoles: [] });
  });

  it("the /dideduc queue lists the office's cases to its delegate, and nothing to the moved account", async () => {
    const opts = { db: tdb.prisma };
    const ids = async (actor: TSessionUser) => (await listCaseQueue({ actor, segment: "dideduc", now: NOW }, opts)).rows.map((r) => r.id);
    expect(await ids(delegateHere)).toEqual([gnCase.id]);
    expect(await ids(reviewerXela)).toEqual([xelaCase.id]);
    const session = (await findSessionUser({ id: moved.id }, { db: tdb.prisma, now: NOW }))!;
    expect(await ids(session)).toEqual([]);
    expect(await ids(staleRoleInNewOffice())).toEqual([]);
    expect(await ids(staleClaims())).toEqual([]);
    // The signers' queue is not opened by a reviewer's delegation either.
    expect((await listCaseQueue({ actor: delegateHere, segment: "direccion", now: NOW }, opts)).rows).toEqual([]);
  });

  it("the case view shows the office's case to its delegate with the reviewer's buttons, and no case to the moved account", async () => {
    const db = tdb.prisma;
    const view = await getCaseForActor({ actor: delegateHere, caseId: gnCase.id, now: NOW, db });
    expect(view?.actions.map((a) => a.action).sort()).toEqual(["generate_certification", "reject_for_correction", "reject_with_guidance"]);
    const session = (await findSessionUser({ id: moved.id }, { db, now: NOW }))!;
    for (const actor of [session, staleRoleInNewOffice(), staleClaims()]) {
      for (const c of [gnCase, xelaCase]) expect(await getCaseForActor({ actor, caseId: c.id, now: NOW, db })).toBeNull();
    }
  });

  it("the uploaded scans and the certification PDF are served to the office's delegate only", async () => {
    const db = tdb.prisma;
    for (const actor of [staleRoleInNewOffice(), staleClaims()]) {
      for (const c of [gnCase, xelaCase]) {
        expect(await getUploadedFileForActor({ actor, fileId: files[c.number], db, storage, now: NOW })).toBeNull();
        expect(await readCaseDocument({ actor, caseId: c.id }, { db, storage, now: NOW })).toBeNull();
      }
    }
    expect((await getUploadedFileForActor({ actor: delegateHere, fileId: files[gnCase.number], db, storage, now: NOW }))?.file.id).toBe(files[gnCase.number]);
    expect((await readCaseDocument({ actor: delegateHere, caseId: gnCase.id }, { db, storage, now: NOW }))?.stage).toBe("UNSIGNED");
  });

  it("the signing precheck refuses the moved account before any slow work", async () => {
    const db = tdb.prisma;
    await expect(precheckTransition(db, { caseId: gnCase.id, action: "generate_certification", actor: delegateHere, expectedVersion: 1, now: NOW })).resolves.toMatchObject({
      authority: { role: "DIDEDUC_REVIEWER", delegation: { id: delegationHere } },
    });
    for (const actor of [moved, staleClaims()]) {
      const error = await precheckTransition(db, { caseId: gnCase.id, action: "generate_certification", actor, expectedVersion: 1, now: NOW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransitionError);
    }
    expect(await db.case.findUniqueOrThrow({ where: { id: gnCase.id } })).toMatchObject({ state: "DIDEDUC_REVIEW", version: 1 });
  });
});
