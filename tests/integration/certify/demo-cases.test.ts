import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { findVerification } from "@/lib/cases/find-verification";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { loadServiceLevels } from "@/lib/service-levels/load-service-levels";
import { toQueueRows } from "@/components/staff/to-queue-rows";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { seedDatabase, type TSeedResult } from "@/prisma/seed/seed-database";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb } from "@/tests/helpers/pdfsig";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";
import { startWorldPkiServices, type TWorldPkiServices } from "@/tests/helpers/world-pki-services";

let tdb: TTestDatabase;
let root: string;
let storage: LocalDiskStorage;
let first: TSeedResult;
let pkiServices: TWorldPkiServices;
const logs: string[] = [];

async function createTestDatabaseWhenTemplateIsFree(): Promise<TTestDatabase> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createTestDatabase();
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 30) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

beforeAll(async () => {
  tdb = await createTestDatabaseWhenTemplateIsFree();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-demo-cases-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
  pkiServices = await startWorldPkiServices(path.join(root, "pki"));
  first = await seedDatabase(tdb.prisma, { pkiDir: path.join(root, "pki"), servicesBaseUrl: pkiServices.services.baseUrl, demoCases: true, storage, log: (m) => logs.push(m) });
});
afterAll(async () => {
  await pkiServices?.close();
  await tdb?.drop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("the demo D.1.1 cases of the seed", () => {
  it("puts one case in each D.1.1 state, walked through the real transitions", async () => {
    const cases = await tdb.prisma.case.findMany({ where: { procedure: "EDUCATIONAL_RECORD" }, include: { auditEvents: true } });
    const states = cases.map((c) => c.state).sort();
    expect(states).toEqual(["CENTRAL_REVIEW", "DIDEDUC_REVIEW", "DIDEDUC_SIGNATURE", "DRAFT", "ISSUED", "NEEDS_CORRECTION", "REJECTED"].sort());
    for (const c of cases) {
      // The audit trail starts at "create" and each event leaves the state the next one starts from.
      const events = [...c.auditEvents].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id - b.id));
      expect(events[0].action).toBe("create");
      for (let i = 1; i < events.length; i++) expect(events[i].fromState).toBe(events[i - 1].toState);
      expect(events[events.length - 1].toState).toBe(c.state);
      expect(c.version).toBe(events.length - 1);
      expect(await tdb.prisma.uploadedFile.count({ where: { caseId: c.id } })).toBeGreaterThan(0);
    }
    const rejected = cases.find((c) => c.state === "REJECTED")!;
    expect(rejected.guidance).toMatchObject({ kind: "SUPERVISION", contact: { name: expect.stringMatching(/^Supervisión Educativa/) } });
    expect(cases.find((c) => c.state === "NEEDS_CORRECTION")!.lastNote).toMatch(/reverso/);
  });

  it("issues one case whose PDF carries two valid signatures, and prints its code and path", async () => {
    const issued = first.demoCases?.issued;
    expect(issued).toBeTruthy();
    expect(logs.join("\n")).toContain(issued!.verificationCode);
    expect(logs.join("\n")).toContain(issued!.pdfPath);
    const bytes = fs.readFileSync(issued!.pdfPath);
    expectLongTermPdf(bytes, { rootPem: first.pki.rootPem, signers: 2, file: issued!.pdfPath, nss: createNssDb([first.pki.rootPem], { dir: path.join(root, "nss") }) });

    const verification = await findVerification(issued!.verificationCode, { db: tdb.prisma, storage });
    expect(verification?.status).toBe("ISSUED");
    expect(verification?.holderName).toBe("María J*** I**** C*****");
    // A D.1.1 case, as this block is about: the seed's D.2.2 cases reach central review straight
    // from the citizen, before any certification (and code) exists, and a query without the
    // procedure returned one of those or a D.1.1 case depending on the rows' order on disk.
    const inProcess = await tdb.prisma.case.findFirstOrThrow({ where: { state: "CENTRAL_REVIEW", procedure: "EDUCATIONAL_RECORD" } });
    expect((await findVerification(inProcess.verificationCode!, { db: tdb.prisma, storage }))?.status).toBe("IN_PROCESS");
  });

  it("files two of Guatemala Norte's review cases in the past: «Vencida» and «Por vencer» in the reviewer's queue; the audit chain still verifies (decision 0022)", async () => {
    const u = await tdb.prisma.user.findUniqueOrThrow({ where: { email: "revisora.guatemala-norte@demo.certifica.gt" } });
    const actor = { id: u.id, roles: u.roles, dideducId: u.dideducId };
    const queue = await listCaseQueue({ actor, segment: "dideduc", mine: true }, { db: tdb.prisma });
    const rows = toQueueRows(queue.rows, new Date(), await loadServiceLevels(tdb.prisma));
    expect(rows.filter((r) => r.serviceLevel?.state === "OVERDUE").map((r) => r.personName)).toEqual(["Juan Pablo Sic Batz"]);
    expect(rows.filter((r) => r.serviceLevel?.state === "DUE_SOON").map((r) => r.personName)).toEqual(["José Luis Sic Batz"]);
    expect((await verifyAuditChain(tdb.prisma)).firstBreak).toBeNull();
  });

  it("is idempotent: running the seed again adds no case, event, document or signature", async () => {
    const count = async () => ({
      cases: await tdb.prisma.case.count(),
      events: await tdb.prisma.auditEvent.count(),
      documents: await tdb.prisma.documentVersion.count(),
      signatures: await tdb.prisma.signature.count(),
      files: await tdb.prisma.uploadedFile.count(),
    });
    const before = await count();
    const second = await seedDatabase(tdb.prisma, { pkiDir: path.join(root, "pki"), servicesBaseUrl: pkiServices.services.baseUrl, demoCases: true, storage });
    expect(await count()).toEqual(before);
    expect(second.demoCases?.cases.every((c) => !c.created)).toBe(true);
    expect(second.demoCases?.issued?.verificationCode).toBe(first.demoCases?.issued?.verificationCode);
    expect(second.afterIssuance?.cases.every((c) => !c.created)).toBe(true);
    expect({ revoked: second.afterIssuance?.revoked, replaced: second.afterIssuance?.replaced }).toEqual({ revoked: first.afterIssuance?.revoked, replaced: first.afterIssuance?.replaced });
  });
});

describe("the demo certifications after issuance (issue #11)", () => {
  it("one revoked by the Encargado (DATA_ERROR), through the revoke transition", async () => {
    const revoked = first.afterIssuance?.revoked;
    expect(revoked).toBeTruthy();
    const c = await tdb.prisma.case.findUniqueOrThrow({ where: { verificationCode: revoked!.verificationCode }, include: { auditEvents: { orderBy: { id: "asc" } } } });
    expect(c).toMatchObject({ state: "REVOKED", revocationCategory: "DATA_ERROR", procedure: "SWORN_TRANSLATION" });
    expect(c.revokedReason).toBeTruthy();
    expect(c.auditEvents.map((e) => e.action)).toEqual(["create", "submit", "sign_and_issue", "revoke"]);
    const manager = await tdb.prisma.user.findUniqueOrThrow({ where: { email: "encargado.central@demo.certifica.gt" } });
    expect(c.auditEvents.at(-1)).toMatchObject({ actorId: manager.id, role: "CENTRAL_MANAGER", fromState: "ISSUED", toState: "REVOKED" });
    const page = await findVerification(revoked!.verificationCode, { db: tdb.prisma, storage });
    expect(page).toMatchObject({ status: "REVOKED", revocationCategory: "DATA_ERROR", replacedByCode: null });
    expect(logs.join("\n")).toContain(`Certificación anulada de demostración ${c.number}`);
  });

  it("one replaced by its corrected re-issue, issued through the real path with its own signed PDF", async () => {
    const replaced = first.afterIssuance?.replaced;
    expect(replaced).toBeTruthy();
    const original = await tdb.prisma.case.findUniqueOrThrow({ where: { verificationCode: replaced!.verificationCode } });
    const reissue = await tdb.prisma.case.findUniqueOrThrow({ where: { verificationCode: replaced!.replacedBy.verificationCode }, include: { auditEvents: { orderBy: { id: "asc" } } } });
    expect(original).toMatchObject({ state: "REVOKED", revocationCategory: "REPLACED" });
    expect(reissue).toMatchObject({ state: "ISSUED", reissueOfId: original.id });
    expect((reissue.formData as { holderName: string }).holderName).toBe("Carlos Enrique Ixcot Chávez");
    expect((original.formData as { holderName: string }).holderName).toBe("Carlos Enrique Ixcot Chaves");
    expect(reissue.auditEvents.map((e) => e.action)).toEqual(["create", "submit", "sign_and_issue"]);
    expect(reissue.auditEvents[0].data).toMatchObject({ reissueOf: original.id });
    expect(await tdb.prisma.auditEvent.count({ where: { caseId: original.id, action: { in: ["start_reissue", "replace"] } } })).toBe(2);
    expect(await findVerification(replaced!.verificationCode, { db: tdb.prisma, storage })).toMatchObject({ status: "REVOKED", replacedByCode: reissue.verificationCode });
    expect(await findVerification(reissue.verificationCode!, { db: tdb.prisma, storage })).toMatchObject({ status: "ISSUED", replacesCode: original.verificationCode });
    // The re-issue's PDF: one central signature, timestamped, DSS and document timestamp; pdfsig agrees.
    const doc = await tdb.prisma.documentVersion.findFirstOrThrow({ where: { caseId: reissue.id, stage: "ISSUED" } });
    const file = path.join(root, "reissue-demo.pdf");
    fs.writeFileSync(file, await storage.get(doc.storageKey));
    expectLongTermPdf(fs.readFileSync(file), { rootPem: first.pki.rootPem, signers: 1, file, nss: createNssDb([first.pki.rootPem], { dir: path.join(root, "nss-reissue") }) });
  });
});
