import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findVerification } from "@/lib/cases/find-verification";
import { seedDiplomaFrom2005DemoCases } from "@/prisma/seed/demo-cases-diploma-from-2005";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb } from "@/tests/helpers/pdfsig";
import { createRegistryWorld, type TRegistryWorld } from "../registry/registry-world";

// The D.2.2 demo cases, walked through the real operations on the seed's world: one in each state,
// the issued one with one valid central signature, and a second run changes nothing.
let w: TRegistryWorld;
let pki: Parameters<typeof seedDiplomaFrom2005DemoCases>[1]["pki"];
beforeAll(async () => {
  w = await createRegistryWorld();
  pki = w.pki as typeof pki;
});
afterAll(async () => {
  await w?.cleanup();
});

describe("seedDiplomaFrom2005DemoCases", () => {
  it("leaves a D.2.2 case in every reachable state, through the transitions, and is idempotent", async () => {
    const logs: string[] = [];
    const first = await seedDiplomaFrom2005DemoCases(w.db, { pki, storage: w.storage, log: (m) => logs.push(m) });
    expect(first.cases.map((c) => `${c.key}:${c.state}`)).toEqual([
      "d22-issued:ISSUED",
      "d22-central-review:CENTRAL_REVIEW",
      "d22-needs-correction:NEEDS_CORRECTION",
      "d22-resubmitted:CENTRAL_REVIEW",
      "d22-draft:DRAFT",
    ]);
    const cases = await w.db.case.findMany({ where: { procedure: "DIPLOMA_FROM_2005" }, include: { auditEvents: true } });
    for (const c of cases) {
      const events = [...c.auditEvents].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id - b.id));
      expect(events[0].action).toBe("create");
      for (let i = 1; i < events.length; i++) expect(events[i].fromState).toBe(events[i - 1].toState);
      expect(events[events.length - 1].toState).toBe(c.state);
      expect(await w.db.uploadedFile.count({ where: { caseId: c.id } })).toBe(1);
    }
    const resubmitted = cases.find((c) => c.auditEvents.some((e) => e.action === "resubmit"))!;
    expect(resubmitted.formData).toMatchObject({ registryAtSubmission: { registrationNumber: "D-2011-012078", holderName: "Kevin Alexander Morales Ruiz" } });

    expect(first.issued).toHaveLength(1);
    const code = first.issued[0].verificationCode;
    expect(logs.join("\n")).toContain(code);
    const verification = await findVerification(code, w.options);
    expect(verification).toMatchObject({ status: "ISSUED", documentType: "Certificación electrónica de título de diversificado" });
    const issued = cases.find((c) => c.state === "ISSUED")!;
    const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId: issued.id, stage: "ISSUED" } });
    const file = path.join(w.root, "d22-demo-issued.pdf");
    const bytes = await w.storage.get(doc.storageKey);
    fs.writeFileSync(file, bytes);
    // One central signature, timestamped, then DSS and document timestamp (B-LTA layout).
    expectLongTermPdf(bytes, { rootPem: w.pki.rootPem, signers: 1, file, nss: createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-d22") }) });

    const before = await w.db.auditEvent.count();
    const second = await seedDiplomaFrom2005DemoCases(w.db, { pki, storage: w.storage });
    expect(second.cases.map((c) => c.id)).toEqual(first.cases.map((c) => c.id));
    expect(second.cases.every((c) => !c.created)).toBe(true);
    expect(await w.db.auditEvent.count()).toBe(before);
  });
});
