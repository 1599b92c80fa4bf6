import fs from "node:fs";
import path from "node:path";
import { generateCertification } from "@/lib/cases/generate-certification";
import { signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { CHECKLIST, type TCertifyWorld } from "./certify-world";

// Stored files by name (content-addressed: the name is the key), except the prepared PDFs of
// prepared signings: a prepare stores one by design, before anything is refused at complete, and the
// sweep removes it (sweep-prepared-signings.ts). `except` lists those keys.
function countFiles(dir: string, except: Set<string> = new Set()): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !except.has(e.name)).length;
}

// A D.1.1 case brought to each signature, and what a refused signature must leave as it was.
// `world` is read at call time: test files create their world in beforeAll.
export function signingSteps(world: () => TCertifyWorld) {
  async function caseAwaitingSignature() {
    const w = world();
    const submitted = await w.caseInReview();
    const generated = await generateCertification(
      { actor: w.actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      w.options,
    );
    return { caseId: submitted.id, version: generated.version };
  }

  async function caseAwaitingCentral() {
    const w = world();
    const { caseId, version } = await caseAwaitingSignature();
    const signed = await signCertification({ actor: w.actors.signer, caseId, expectedVersion: version, signer: w.signer("signer-guatemala-norte") }, w.options);
    return { caseId, version: signed.version };
  }

  // Everything a signature would touch: the case, its documents, sheets, signatures, audit trail,
  // outbox, stored files, and whether a prepared signing was used. A prepare's own row and file are
  // not counted (a refusal at complete leaves them for the sweep); the tests of refusals at prepare
  // check that none was written.
  async function snapshot(caseId: string) {
    const w = world();
    const prepared = await w.db.preparedSigning.findMany({ select: { preparedStorageKey: true } });
    return {
      case: await w.db.case.findUniqueOrThrow({ where: { id: caseId } }),
      documents: await w.db.documentVersion.count({ where: { caseId } }),
      sheets: await w.db.certificationSheet.count({ where: { caseId } }),
      signatures: await w.db.signature.count({ where: { caseId } }),
      events: await w.db.auditEvent.count({ where: { caseId } }),
      mails: await w.db.outboxMail.count({ where: { caseId } }),
      files: countFiles(path.join(w.root, "files"), new Set(prepared.map((p) => p.preparedStorageKey))),
      preparedUsed: await w.db.preparedSigning.count({ where: { caseId, usedAt: { not: null } } }),
    };
  }

  // Stored files and prepared signings, all of them: a refusal at prepare adds neither.
  async function preparedState() {
    const w = world();
    return { files: countFiles(path.join(w.root, "files")), preparedSignings: await w.db.preparedSigning.count() };
  }

  return { caseAwaitingSignature, caseAwaitingCentral, snapshot, preparedState };
}
