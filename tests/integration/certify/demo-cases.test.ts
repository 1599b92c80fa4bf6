import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { findVerification } from "@/lib/cases/find-verification";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { loadServiceLevels } from "@/lib/service-levels/load-service-levels";
import { toQueueRows } from "@/components/staff/to-queue-rows";
import { seedDatabase, type TSeedResult } from "@/prisma/seed/seed-database";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb } from "@/tests/helpers/pdfsig";
import { createSeededWorld, type TSeededWorld } from "@/tests/helpers/seeded-world";

let world: TSeededWorld;
let first: TSeedResult;
const logs: string[] = [];

beforeAll(async () => {
  world = await createSeededWorld({ name: "demo-cases", copyOfSharedDemoPki: false, demoCases: { log: (m) => logs.push(m) } });
  first = world.seeded;
});
afterAll(async () => {
  await world?.cleanup();
});

describe("the demo D.1.1 cases of the seed", () => {
  it("puts one case in each D.1.1 state, walked through the real transitions", async () => {
    const cases = await world.db.case.findMany({ where: { procedure: "EDUCATIONAL_RECORD" }, include: { auditEvents: true } });
    const states = cases.map((c) => c.state).sort();
    expect(states).toEqual(["CENTRAL_REVIEW", "DIDEDUC_REVIEW", "DIDEDUC_SIGNATURE", "DRAFT", "ISSUED", "NEEDS_CORRECTION", "REJECTED"].sort());
    for (const c of cases) {
      // The audit trail starts at "create" and each event leaves the state the next one starts from.
      const events = [...c.auditEvents].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id - b.id));
      expect(events[0].action).toBe("create");
      for (let i = 1; i < events.length; i++) expect(events[i].fromState).toBe(events[i - 1].toState);
      expect(events[events.length - 1].toState).toBe(c.state);
      expect(c.version).toBe(events.length - 1);
      expect(await world.db.uploadedFile.count({ where: { caseId: c.id } })).toBeGreaterThan(0);
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
    expectLongTermPdf(bytes, { rootPem: first.pki.rootPem, signers: 2, file: issued!.pdfPath, nss: createNssDb([first.pki.rootPem], { dir: path.join(world.root, "nss") }) });

    const verification = await findVerification(issued!.verificationCode, { db: world.db, storage: world.storage });
    expect(verification?.status).toBe("ISSUED");
    expect(verification?.holderName).toBe("María J*** I**** C*****");
    // A D.1.1 case, as this block is about: the seed's D.2.2 cases reach central review straight
    // from the citizen, before any certification (and code) exists, and a query without the
    // procedure returned one of those or a D.1.1 case depending on the rows' order on disk.
    const inProcess = await world.db.case.findFirstOrThrow({ where: { state: "CENTRAL_REVIEW", procedure: "EDUCATIONAL_RECORD" } });
    expect((await findVerification(inProcess.verificationCode!, { db: world.db, storage: world.storage }))?.status).toBe("IN_PROCESS");
  });

  it("files two of Guatemala Norte's review cases in the past: «Vencida» and «Por vencer» in the reviewer's queue; the audit chain still verifies (decision 0022)", async () => {
    const u = await world.db.user.findUniqueOrThrow({ where: { email: "revisora.guatemala-norte@demo.certifica.gt" } });
    const actor = { id: u.id, roles: u.roles, dideducId: u.dideducId };
    const queue = await listCaseQueue({ actor, segment: "dideduc", mine: true }, { db: world.db });
    const rows = toQueueRows(queue.rows, new Date(), await loadServiceLevels(world.db));
    expect(rows.filter((r) => r.serviceLevel?.state === "OVERDUE").map((r) => r.personName)).toEqual(["Juan Pablo Sic Batz"]);
    expect(rows.filter((r) => r.serviceLevel?.state === "DUE_SOON").map((r) => r.personName)).toEqual(["José Luis Sic Batz"]);
    expect((await verifyAuditChain(world.db)).firstBreak).toBeNull();
  });

  it("is idempotent: running the seed again adds no case, event, document or signature", async () => {
    const count = async () => ({
      cases: await world.db.case.count(),
      events: await world.db.auditEvent.count(),
      documents: await world.db.documentVersion.count(),
      signatures: await world.db.signature.count(),
      files: await world.db.uploadedFile.count(),
    });
    const before = await count();
    const second = await seedDatabase(world.db, { pkiDir: world.pkiDir, servicesBaseUrl: world.pkiServices.baseUrl, demoCases: true, storage: world.storage });
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
    const c = await world.db.case.findUniqueOrThrow({ where: { verificationCode: revoked!.verificationCode }, include: { auditEvents: { orderBy: { id: "asc" } } } });
    expect(c).toMatchObject({ state: "REVOKED", revocationCategory: "DATA_ERROR", procedure: "SWORN_TRANSLATION" });
    expect(c.revokedReason).toBeTruthy();
    expect(c.auditEvents.map((e) => e.action)).toEqual(["create", "submit", "sign_and_issue", "revoke"]);
    const manager = await world.db.user.findUniqueOrThrow({ where: { email: "encargado.central@demo.certifica.gt" } });
    expect(c.auditEvents.at(-1)).toMatchObject({ actorId: manager.id, role: "CENTRAL_MANAGER", fromState: "ISSUED", toState: "REVOKED" });
    const page = await findVerification(revoked!.verificationCode, { db: world.db, storage: world.storage });
    expect(page).toMatchObject({ status: "REVOKED", revocationCategory: "DATA_ERROR", replacedByCode: null });
    expect(logs.join("\n")).toContain(`Certificación anulada de demostración ${c.number}`);
  });

  it("one replaced by its corrected re-issue, issued through the real path with its own signed PDF", async () => {
    const replaced = first.afterIssuance?.replaced;
    expect(replaced).toBeTruthy();
    const original = await world.db.case.findUniqueOrThrow({ where: { verificationCode: replaced!.verificationCode } });
    const reissue = await world.db.case.findUniqueOrThrow({ where: { verificationCode: replaced!.replacedBy.verificationCode }, include: { auditEvents: { orderBy: { id: "asc" } } } });
    expect(original).toMatchObject({ state: "REVOKED", revocationCategory: "REPLACED" });
    expect(reissue).toMatchObject({ state: "ISSUED", reissueOfId: original.id });
    expect((reissue.formData as { holderName: string }).holderName).toBe("Carlos Enrique Ixcot Chávez");
    expect((original.formData as { holderName: string }).holderName).toBe("Carlos Enrique Ixcot Chaves");
    expect(reissue.auditEvents.map((e) => e.action)).toEqual(["create", "submit", "sign_and_issue"]);
    expect(reissue.auditEvents[0].data).toMatchObject({ reissueOf: original.id });
    expect(await world.db.auditEvent.count({ where: { caseId: original.id, action: { in: ["start_reissue", "replace"] } } })).toBe(2);
    expect(await findVerification(replaced!.verificationCode, { db: world.db, storage: world.storage })).toMatchObject({ status: "REVOKED", replacedByCode: reissue.verificationCode });
    expect(await findVerification(reissue.verificationCode!, { db: world.db, storage: world.storage })).toMatchObject({ status: "ISSUED", replacesCode: original.verificationCode });
    // The re-issue's PDF: one central signature, timestamped, DSS and document timestamp; pdfsig agrees.
    const doc = await world.db.documentVersion.findFirstOrThrow({ where: { caseId: reissue.id, stage: "ISSUED" } });
    const file = path.join(world.root, "reissue-demo.pdf");
    fs.writeFileSync(file, await world.storage.get(doc.storageKey));
    expectLongTermPdf(fs.readFileSync(file), { rootPem: first.pki.rootPem, signers: 1, file, nss: createNssDb([first.pki.rootPem], { dir: path.join(world.root, "nss-reissue") }) });
  });
});
