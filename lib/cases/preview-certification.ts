import "server-only";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { issuedByCentralOnly } from "./procedure-sheets";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { precheckTransition } from "./signing/precheck-transition";
import { renderCaseCertification } from "./signing/render-case-certification";

// Shown on a preview made before the code exists (a case returned for a new generation keeps its own).
export const PREVIEW_VERIFICATION_CODE = "0000-0000-0000";

// "Vista previa de la certificación": the PDF the reviewer would send to signature, built on the
// fly. Only whoever may generate it (reviewer of the case's DIDEDUC, in DIDEDUC_REVIEW) — or, for
// the procedures the central office issues alone (D.1.2, D.2.2, D.3), whoever may sign and issue
// it (central assistant or coordinator, in CENTRAL_REVIEW); nothing is stored and the case does not
// change. Throws TransitionError (NOT_FOUND, OUT_OF_SCOPE…).
export async function previewCertification(
  { actor, caseId }: { actor: TWorkflowActor; caseId: string },
  options: TCertifyOptions = {},
): Promise<Buffer> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const procedure = (await db.case.findUnique({ where: { id: caseId }, select: { procedure: true } }))?.procedure;
  const action = procedure && issuedByCentralOnly(procedure) ? "sign_and_issue" : "generate_certification";
  const { row } = await precheckTransition(db, { caseId, action, actor, now, checkAssignment: false });
  const built = await renderCaseCertification(db, storage, {
    caseRow: row,
    verificationCode: row.verificationCode ?? PREVIEW_VERIFICATION_CODE,
    now,
    preview: true,
  });
  return built.pdf;
}
