import "server-only";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { precheckTransition } from "./signing/precheck-transition";
import { renderCaseCertification } from "./signing/render-case-certification";

// Shown on a preview made before the code exists (a case returned for a new generation keeps its own).
export const PREVIEW_VERIFICATION_CODE = "0000-0000-0000";

// "Vista previa de la certificación": the PDF the reviewer would send to signature, built on the
// fly. Only whoever may generate it (reviewer of the case's DIDEDUC, in DIDEDUC_REVIEW); nothing
// is stored and the case does not change. Throws TransitionError (NOT_FOUND, OUT_OF_SCOPE…).
export async function previewCertification(
  { actor, caseId }: { actor: TWorkflowActor; caseId: string },
  options: TCertifyOptions = {},
): Promise<Buffer> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const { row } = await precheckTransition(db, { caseId, action: "generate_certification", actor, now });
  const built = await renderCaseCertification(db, storage, {
    caseRow: row,
    verificationCode: row.verificationCode ?? PREVIEW_VERIFICATION_CODE,
    now,
    preview: true,
  });
  return built.pdf;
}
