import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findVerification } from "@/lib/cases/find-verification";
import { seedSwornTranslationDemoCases } from "@/prisma/seed/demo-cases-sworn-translation";
import { seedTranslatorRegistrationDemoCases } from "@/prisma/seed/demo-cases-translator-registration";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb } from "@/tests/helpers/pdfsig";
import { createRegistryWorld, type TRegistryWorld } from "../registry/registry-world";

// The D.4 and D.3 demo cases, walked through the real operations on the seed's world: one in each
// reachable state, the registered translator's entry linked to her accepted registration, the
// issued translation with one valid central signature, and a second run changes nothing.
let w: TRegistryWorld;
let pki: Parameters<typeof seedSwornTranslationDemoCases>[1]["pki"];
beforeAll(async () => {
  w = await createRegistryWorld();
  pki = w.pki as typeof pki;
});
afterAll(async () => {
  await w?.cleanup();
});

async function expectWalkedThroughTransitions(procedure: "TRANSLATOR_REGISTRATION" | "SWORN_TRANSLATION") {
  const cases = await w.db.case.findMany({ where: { procedure }, include: { auditEvents: true } });
  for (const c of cases) {
    const events = [...c.auditEvents].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id - b.id));
    expect(events[0].action).toBe("create");
    for (let i = 1; i < events.length; i++) expect(events[i].fromState).toBe(events[i - 1].toState);
    expect(events[events.length - 1].toState).toBe(c.state);
  }
  return cases;
}

describe("demo cases of the sworn translators' procedures", () => {
  it("D.4: a registration in every reachable state; the accepted one is the registered translator's entry", async () => {
    const logs: string[] = [];
    const first = await seedTranslatorRegistrationDemoCases(w.db, { storage: w.storage, log: (m) => logs.push(m) });
    expect(first.cases.map((c) => `${c.key}:${c.state}`)).toEqual(["d4-registered:REGISTERED", "d4-rejected:REJECTED", "d4-manager-review:MANAGER_REVIEW", "d4-draft:DRAFT"]);
    const cases = await expectWalkedThroughTransitions("TRANSLATOR_REGISTRATION");
    for (const c of cases) expect(await w.db.uploadedFile.count({ where: { caseId: c.id, kind: "APPOINTMENT_RESOLUTION" } })).toBe(1);
    const registered = first.cases.find((c) => c.key === "d4-registered")!;
    expect(await w.db.swornTranslator.findFirstOrThrow({ where: { dideducRegistrationNumber: "TJ-GN-0042" } })).toMatchObject({
      registrationCaseId: registered.id,
      languages: ["inglés", "francés"],
      active: true,
    });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: first.cases.find((c) => c.key === "d4-rejected")!.id } })).lastNote).toMatch(/sello de registro/);
    expect(logs.join("\n")).toContain("Solicitudes de demostración (D.4)");

    const before = await w.db.auditEvent.count();
    const second = await seedTranslatorRegistrationDemoCases(w.db, { storage: w.storage });
    expect(second.cases.map((c) => c.id)).toEqual(first.cases.map((c) => c.id));
    expect(second.cases.every((c) => !c.created)).toBe(true);
    expect(await w.db.auditEvent.count()).toBe(before);
  });

  it("D.3: a request in every reachable state, the issued one valid under pdfsig, a new request from the rejected one", async () => {
    const logs: string[] = [];
    const first = await seedSwornTranslationDemoCases(w.db, { pki, storage: w.storage, log: (m) => logs.push(m) });
    expect(first.cases.map((c) => `${c.key}:${c.state}`)).toEqual([
      "d3-issued:ISSUED",
      "d3-central-review:CENTRAL_REVIEW",
      "d3-rejected:REJECTED",
      "d3-rejected-new-request:DRAFT",
      "d3-draft:DRAFT",
    ]);
    const cases = await expectWalkedThroughTransitions("SWORN_TRANSLATION");
    const rejected = cases.find((c) => c.state === "REJECTED")!;
    const restarted = cases.find((c) => c.parentCaseId === rejected.id)!;
    expect(restarted.formData).toEqual(rejected.formData);

    expect(first.issued).toHaveLength(1);
    const code = first.issued[0].verificationCode;
    expect(logs.join("\n")).toContain(code);
    expect(await findVerification(code, { db: w.db, storage: w.storage })).toMatchObject({ status: "ISSUED", documentType: "Certificación de traducción jurada" });
    const issued = cases.find((c) => c.state === "ISSUED")!;
    const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId: issued.id, stage: "ISSUED" } });
    const file = path.join(w.root, "d3-demo-issued.pdf");
    const bytes = await w.storage.get(doc.storageKey);
    fs.writeFileSync(file, bytes);
    // One central signature, timestamped, then DSS and document timestamp (B-LTA layout).
    expectLongTermPdf(bytes, { rootPem: w.pki.rootPem, signers: 1, file, nss: createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-d3-demo") }) });

    const before = await w.db.auditEvent.count();
    const second = await seedSwornTranslationDemoCases(w.db, { pki, storage: w.storage });
    expect(second.cases.map((c) => c.id)).toEqual(first.cases.filter((c) => c.key !== "d3-rejected-new-request").map((c) => c.id));
    expect(second.cases.every((c) => !c.created)).toBe(true);
    expect(await w.db.auditEvent.count()).toBe(before);
  });
});
