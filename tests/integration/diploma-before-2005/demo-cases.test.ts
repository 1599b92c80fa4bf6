import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRequestedDocuments } from "@/lib/cases/find-requested-documents";
import { DIPLOMA_BEFORE_2005_DEMO_CASES, seedDiplomaBefore2005DemoCases } from "@/prisma/seed/demo-cases-diploma-before-2005";
import { createCertifyWorld, type TCertifyWorld } from "../certify/certify-world";

// The D.2.1 demo cases are made through the real operations, land in every state the procedure
// reaches (the rejection requesting documents with its new request waiting for the document), the
// issued one carries two valid signatures, and a second run adds nothing.

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

describe("D.2.1 demo cases", () => {
  it("walks each demo case to its state through the real transitions, and a second run changes nothing", async () => {
    const pki = { ...w.pki, dir: w.pkiDir, written: [] };
    const lines: string[] = [];
    const first = await seedDiplomaBefore2005DemoCases(w.db, { pki, storage: w.storage, log: (l) => lines.push(l) });
    const byKey = Object.fromEntries(first.cases.map((c) => [c.key, c]));
    for (const def of DIPLOMA_BEFORE_2005_DEMO_CASES) expect([def.key, byKey[def.key]?.state]).toEqual([def.key, def.target]);
    expect(new Set(first.cases.map((c) => c.state))).toEqual(new Set(["ISSUED", "CENTRAL_REVIEW", "DIDEDUC_SIGNATURE", "REJECTED", "NEEDS_CORRECTION", "DIDEDUC_REVIEW", "DRAFT"]));
    for (const c of first.cases) expect(c.number).toMatch(/^TA-\d{4}-\d{6}$/);

    // Every state change is an audit event of the real engine.
    const issued = byKey["d21-issued"];
    const actions = (await w.db.auditEvent.findMany({ where: { caseId: issued.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["create", "submit", "generate_certification", "sign", "sign_and_issue"]);
    await w.expectIssuedPdfValid(issued.id);
    expect(first.issued.map((i) => i.number)).toEqual([issued.number]);
    expect(lines.join("\n")).toContain(first.issued[0].verificationCode);

    // The rejection requesting documents, and the new request carrying the title and waiting for them.
    const rejected = await w.db.case.findUniqueOrThrow({ where: { id: byKey["d21-requested-documents"].id } });
    expect((rejected.guidance as { kind: string }).kind).toBe("REQUEST_DOCUMENTS");
    const child = byKey["d21-requested-documents-new-request"];
    expect(child.state).toBe("DRAFT");
    expect((await w.db.uploadedFile.findMany({ where: { caseId: child.id } })).map((f) => f.kind)).toEqual(["SCAN"]);
    expect((await findRequestedDocuments(w.db, child.id))?.documents).toEqual(["CIERRE_DE_PENSUM"]);
    expect(await w.db.outboxMail.count({ where: { caseId: rejected.id, subject: { contains: "rechazada" } } })).toBe(1);

    const casesBefore = await w.db.case.count();
    const eventsBefore = await w.db.auditEvent.count();
    const second = await seedDiplomaBefore2005DemoCases(w.db, { pki, storage: w.storage });
    expect(second.cases.every((c) => !c.created)).toBe(true);
    expect(second.cases.map((c) => [c.key, c.id, c.state])).toEqual(first.cases.map((c) => [c.key, c.id, c.state]));
    expect(await w.db.case.count()).toBe(casesBefore);
    expect(await w.db.auditEvent.count()).toBe(eventsBefore);
  });
});
