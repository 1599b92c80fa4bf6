import fs from "node:fs";
import path from "node:path";
import { generateCertification } from "@/lib/cases/generate-certification";
import { signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { CHECKLIST, type TCertifyWorld } from "./certify-world";

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
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

  // Everything a signature would touch: the case, its documents, signatures, audit trail, stored files.
  async function snapshot(caseId: string) {
    const w = world();
    return {
      case: await w.db.case.findUniqueOrThrow({ where: { id: caseId } }),
      documents: await w.db.documentVersion.count({ where: { caseId } }),
      signatures: await w.db.signature.count({ where: { caseId } }),
      events: await w.db.auditEvent.count({ where: { caseId } }),
      files: countFiles(path.join(w.root, "files")),
    };
  }

  return { caseAwaitingSignature, caseAwaitingCentral, snapshot };
}
