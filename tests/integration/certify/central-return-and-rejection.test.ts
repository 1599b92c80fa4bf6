import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextStepText } from "@/components/cases/next-step";
import { buildSignatureReport } from "@/lib/cases/build-signature-report";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { findVerification } from "@/lib/cases/find-verification";
import { generateCertification } from "@/lib/cases/generate-certification";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { readCaseDocument } from "@/lib/cases/read-case-document";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { transition } from "@/lib/workflow/transition";
import { CHECKLIST, createCertifyWorld, type TActorWithName, type TCertifyWorld } from "./certify-world";

// Issue #12 on PostgreSQL, through the operations the /atencion and /direccion pages call.
// Point 3 — D.1.1 activity 7, Nota: "Si se detecta algún dato incorrecto en el certificado, se podrá
// devolver a la etapa anterior para su corrección, y se le indica a la Departamental de Educación la
// corrección que deben de realizar." The previous step is the DIDEDUC's signature: the central office
// chooses between that step (the same sheet, signed again) and the technical review (a new sheet).
// Point 9 — D.1.2 and D.2.2: a definitive rejection at central review (a forged archive record).

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

// The page's viewer is session-shaped (mutable roles).
function viewer(a: TActorWithName) {
  return { ...a, roles: [...a.roles] };
}

async function caseAtCentralReview() {
  const { actors, options } = w;
  const submitted = await w.caseInReview();
  const generated = await generateCertification({ actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, options);
  const signed = await signCertification({ actor: actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") }, options);
  expect(signed.state).toBe("CENTRAL_REVIEW");
  return { caseId: submitted.id, version: signed.version, verificationCode: generated.verificationCode };
}

describe('D.1.1 central review: "se podrá devolver a la etapa anterior para su corrección"', () => {
  it("back to the DIDEDUC signer: the same sheet and code, the old signature superseded, signed again, issued with two valid signatures (pdfsig)", async () => {
    const { db, actors, options } = w;
    const { caseId, version, verificationCode } = await caseAtCentralReview();
    const sheet = await db.certificationSheet.findFirstOrThrow({ where: { caseId } });
    const unsigned = await db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "UNSIGNED" } });
    const firstSigned = await db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "DIDEDUC_SIGNED" } });
    const mailsBefore = await db.outboxMail.count({ where: { caseId } });

    const reason = "La firma no corresponde a la persona registrada para Guatemala Norte: firme con su propio certificado.";
    // Someone with no say here first: the DIDEDUC's own staff cannot take the central office's step.
    const refused = await performCaseAction({ actor: actors.signer, caseId, action: "return_to_signer", input: { reason }, expectedVersion: version, ip: null }, { db }).catch((e) => e);
    expect(refused.code).toBe("FORBIDDEN_ROLE");

    const returned = await performCaseAction({ actor: actors.assistant, caseId, action: "return_to_signer", input: { reason }, expectedVersion: version, ip: "10.2.0.7" }, { db });
    expect(returned.state).toBe("DIDEDUC_SIGNATURE");
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.lastNote).toBe(reason);
    expect(row.verificationCode).toBe(verificationCode);

    // The sheet and its unsigned version are kept; the DIDEDUC's signed version is history, not current.
    expect(await db.certificationSheet.count({ where: { caseId } })).toBe(1);
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: unsigned.id } })).supersededAt).toBeNull();
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: firstSigned.id } })).supersededAt).toEqual(expect.any(Date));
    const current = await readCaseDocument({ actor: actors.signer, caseId }, options);
    expect([current?.stage, current?.sha256]).toEqual(["UNSIGNED", unsigned.sha256]);
    // Kept for the audit trail: the superseded version still reads, with its signature intact.
    const oldReport = await buildSignatureReport({ caseId, documentVersionId: firstSigned.id }, options);
    expect(oldReport?.signatures).toHaveLength(1);
    expect(oldReport?.signatures[0].intact).toBe(true);
    // No signature of the void version on the verification page: the sheet is in process, unsigned.
    const inProcess = await findVerification(verificationCode, options);
    expect(inProcess?.status).toBe("IN_PROCESS");
    expect(inProcess?.signers).toEqual([]);

    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId, action: "return_to_signer" } });
    expect(event).toMatchObject({ role: "CENTRAL_ASSISTANT", fromState: "CENTRAL_REVIEW", toState: "DIDEDUC_SIGNATURE", note: reason, ip: "10.2.0.7" });
    expect(event.data).toMatchObject({ sheetId: sheet.id, unsignedDocumentVersionId: unsigned.id, supersededDocumentVersionIds: [firstSigned.id] });
    // A return between offices: the citizen gets no mail and reads only that nothing is needed of them.
    expect(await db.outboxMail.count({ where: { caseId } })).toBe(mailsBefore);
    expect(nextStepText("EDUCATIONAL_RECORD", "DIDEDUC_SIGNATURE", "return_to_signer", "CENTRAL_REVIEW")).toMatch(/Usted no necesita hacer nada\.$/);

    // The director finds it in the queue with the central office's reason, and on the case page.
    const queue = await listCaseQueue({ actor: actors.signer, segment: "direccion", states: ["DIDEDUC_SIGNATURE"] }, { db });
    expect(queue.rows.find((r) => r.id === caseId)?.lastNote).toBe(reason);
    const signerView = await getCaseForActor({ actor: viewer(actors.signer), caseId }, { db });
    expect(signerView?.lastNote).toBe(reason);
    expect(signerView?.actions.map((a) => a.action)).toEqual(["sign", "return", "reject_definitively"]);
    expect(signerView?.events.at(-1)).toMatchObject({ action: "return_to_signer", note: reason, role: "CENTRAL_ASSISTANT" });

    // The director signs the same unsigned sheet again.
    const signedAgain = await signCertification({ actor: actors.signer, caseId, expectedVersion: returned.version, signer: w.signer("signer-guatemala-norte") }, options);
    expect(signedAgain.state).toBe("CENTRAL_REVIEW");
    const signEvents = await db.auditEvent.findMany({ where: { caseId, action: "sign" }, orderBy: { createdAt: "asc" } });
    expect(signEvents).toHaveLength(2);
    expect((signEvents[1].data as { sourceDocumentVersionId: string }).sourceDocumentVersionId).toBe(unsigned.id);
    const report = await buildSignatureReport({ caseId }, options);
    expect(report?.ok).toBe(true);
    expect(report?.stage).toBe("DIDEDUC_SIGNED");
    expect(report?.documentVersionId).not.toBe(firstSigned.id);

    const issued = await signAndIssue({ actor: actors.assistant, caseId, expectedVersion: signedAgain.version, signer: w.signer("central-assistant") }, options);
    expect(issued.state).toBe("ISSUED");
    // Two signatures, each valid for pdfsig with the demo root trusted (and B-LTA, our validator, qpdf).
    await w.expectIssuedPdfValid(caseId);
    const issuedDoc = await db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "ISSUED" } });
    expect(issuedDoc.sheetId).toBe(sheet.id);
    expect(await db.certificationSheet.count({ where: { caseId } })).toBe(1);
    const issuedRow = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(issuedRow.verificationCode).toBe(verificationCode);
    const verification = await findVerification(verificationCode, options);
    expect(verification?.status).toBe("ISSUED");
    expect(verification?.signers.map((s) => [s.name, s.officeKind])).toEqual([
      ["José Antonio Pérez Gómez", "DIDEDUC"],
      ["Karla Beatriz Orellana Saquic", "CENTRAL"],
    ]);
    // Three signatures were made over time; the superseded one is still on record.
    expect(await db.signature.count({ where: { caseId } })).toBe(3);
  });

  it("back to the technical review: the signer cannot sign the old sheet, a new generation is required (same code, a new sheet)", async () => {
    const { db, actors, options } = w;
    const { caseId, version, verificationCode } = await caseAtCentralReview();
    const firstSheet = await db.certificationSheet.findFirstOrThrow({ where: { caseId } });
    const returned = await performCaseAction(
      { actor: actors.coordinator, caseId, action: "return", input: { reason: "El año de tercero básico es 2016, no 2015." }, expectedVersion: version, ip: null },
      { db },
    );
    expect(returned.state).toBe("DIDEDUC_REVIEW");
    // Nothing superseded: the old sheet is simply not the latest once a new one is generated.
    expect(await db.documentVersion.count({ where: { caseId, supersededAt: { not: null } } })).toBe(0);
    const notNow = await signCertification({ actor: actors.signer, caseId, expectedVersion: returned.version, signer: w.signer("signer-guatemala-norte") }, options).catch((e) => e);
    expect(notNow.code).toBe("INVALID_STATE");
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId, action: "return" } });
    expect(event).toMatchObject({ role: "CENTRAL_COORDINATOR", toState: "DIDEDUC_REVIEW" });

    const regenerated = await generateCertification({ actor: actors.reviewer, caseId, expectedVersion: returned.version, checklist: CHECKLIST }, options);
    expect(regenerated.verificationCode).toBe(verificationCode);
    const sheets = await db.certificationSheet.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
    expect(sheets).toHaveLength(2);
    const current = await readCaseDocument({ actor: actors.signer, caseId }, options);
    expect(current?.stage).toBe("UNSIGNED");
    const currentRow = await db.documentVersion.findFirstOrThrow({ where: { caseId, sha256: current!.sha256, stage: "UNSIGNED" } });
    expect(currentRow.sheetId).not.toBe(firstSheet.id);
  });

  it("refuses a return to the signer with an empty reason, or on a stale page, changing nothing", async () => {
    const { db, actors } = w;
    const { caseId, version } = await caseAtCentralReview();
    const empty = await performCaseAction({ actor: actors.assistant, caseId, action: "return_to_signer", input: { reason: "  " }, expectedVersion: version, ip: null }, { db }).catch((e) => e);
    expect(empty.code).toBe("INVALID_INPUT");
    expect(empty.fieldErrors.reason).toBeDefined();
    const stale = await performCaseAction({ actor: actors.assistant, caseId, action: "return_to_signer", input: { reason: "x" }, expectedVersion: version - 1, ip: null }, { db }).catch((e) => e);
    expect(stale.code).toBe("STALE_VERSION");
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.state, row.version]).toEqual(["CENTRAL_REVIEW", version]);
    expect(await db.documentVersion.count({ where: { caseId, supersededAt: { not: null } } })).toBe(0);
  });
});

describe("reject_definitively at the central office (D.1.2, D.2.2): a forged document ends the request", () => {
  const FORMS: Record<"GRADUATION_RECORD" | "DIPLOMA_FROM_2005", Record<string, unknown>> = {
    GRADUATION_RECORD: {
      student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", cui: "9083016690101", birthDate: "1970-02-11" },
      record: { degree: "Bachiller en Ciencias y Letras", institution: "Instituto Nacional Central para Varones", graduationYear: 1988 },
      archiveOfficer: { name: "Marta Julia Estrada Castillo", post: "Encargada del Archivo Documental" },
      contactPhone: "4478-2106",
    },
    DIPLOMA_FROM_2005: {
      registrationNumber: "TIT-2011-004518",
      student: { firstNames: "Ana Lucía", lastNames: "Pérez Xol", cui: "2345 67899 0101", birthDate: "1993-04-02" },
      contactPhone: "5555-1234",
    },
  };

  async function caseInCentralReview(procedure: Procedure) {
    const draft = await createDraftCase(w.actors.citizen, { procedure, formData: FORMS[procedure as keyof typeof FORMS] }, { db: w.db });
    return transition(draft.id, "submit", w.actors.citizen, {}, draft.version, { db: w.db });
  }

  for (const [procedure, who] of [
    ["GRADUATION_RECORD", "coordinator"],
    ["DIPLOMA_FROM_2005", "assistant"],
  ] as const) {
    it(`${procedure}: the ${who} rejects for good; audited, mailed to the citizen with the reason, shown on the citizen's page`, async () => {
      const { db, actors } = w;
      const submitted = await caseInCentralReview(procedure);
      expect(submitted.state).toBe("CENTRAL_REVIEW");
      const reason = "El documento adjunto fue alterado: la firma del Archivo documental no corresponde al contenido.";

      // Not the DIDEDUC's, not the applicant's: refused, nothing changed.
      for (const other of [actors.reviewer, actors.signer, actors.citizen]) {
        const refused = await performCaseAction(
          { actor: other, caseId: submitted.id, action: "reject_definitively", input: { reason }, expectedVersion: submitted.version, ip: null },
          { db },
        ).catch((e) => e);
        expect(refused.code).toBe("FORBIDDEN_ROLE");
      }
      expect((await db.case.findUniqueOrThrow({ where: { id: submitted.id } })).state).toBe("CENTRAL_REVIEW");

      const actor = actors[who];
      const rejected = await performCaseAction(
        { actor, caseId: submitted.id, action: "reject_definitively", input: { reason: `  ${reason}  ` }, expectedVersion: submitted.version, ip: "10.3.0.9" },
        { db },
      );
      expect(rejected.state).toBe("REJECTED");
      const row = await db.case.findUniqueOrThrow({ where: { id: submitted.id } });
      expect(row.lastNote).toBe(reason);
      expect(row.closedAt).toEqual(expect.any(Date));

      const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: submitted.id, action: "reject_definitively" } });
      expect(event).toMatchObject({
        actorId: actor.id,
        role: who === "coordinator" ? "CENTRAL_COORDINATOR" : "CENTRAL_ASSISTANT",
        fromState: "CENTRAL_REVIEW",
        toState: "REJECTED",
        note: reason,
        ip: "10.3.0.9",
      });
      if (who === "coordinator") expect(event.data).toMatchObject({ actingAs: "CENTRAL_ASSISTANT" });

      // Told by mail, as every rejection: the reason, and that this request is closed.
      const mails = await db.outboxMail.findMany({ where: { caseId: submitted.id }, orderBy: { createdAt: "asc" } });
      const mail = mails.find((m) => m.subject === `Su solicitud ${row.number} fue rechazada`);
      expect(mail?.to).toBe(actors.citizen.email);
      expect(mail?.text).toContain(reason);
      expect(mail?.text).toContain("Esta solicitud quedó cerrada");

      // The citizen's page: the reason, the definitive next step, the event with its reason.
      const view = await getCaseForActor({ actor: viewer(actors.citizen), caseId: submitted.id }, { db });
      expect(view?.lastNote).toBe(reason);
      expect(view?.actions).toEqual([]);
      expect(view?.events.at(-1)).toMatchObject({ action: "reject_definitively", note: reason });
      expect(nextStepText(procedure, "REJECTED", "reject_definitively", "CENTRAL_REVIEW")).toMatch(/rechazada de forma definitiva/);

      // Final: it cannot be corrected and sent again, nor rejected twice.
      const again = await transition(submitted.id, "resubmit", actors.citizen, {}, row.version, { db }).catch((e) => e);
      expect(again.code).toBe("INVALID_STATE");
      const twice = await performCaseAction({ actor, caseId: submitted.id, action: "reject_definitively", input: { reason }, expectedVersion: row.version, ip: null }, { db }).catch((e) => e);
      expect(twice.code).toBe("INVALID_STATE");
    });
  }
});
