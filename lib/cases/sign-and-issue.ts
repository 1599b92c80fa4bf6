import "server-only";
import { TransitionError } from "@/lib/workflow/transition-error";
import { issuedByCentralOnly } from "./procedure-sheets";
import { CENTRAL_COUNTERSIGN_STEP } from "./signing/case-signing-steps";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { issueCentralCertification } from "./signing/issue-central-certification";
import { signCaseDocument, type TSignCaseInput } from "./signing/sign-case-document";

export type TSignAndIssueInput = TSignCaseInput;

// "Firmar y emitir": the central office's assistant (or coordinator) countersigns the file the
// DIDEDUC signed, as an incremental update so the first signature stays valid, with a certificate
// registered for the central office (SigningRefusal otherwise, nothing changes). The DIDEDUC's
// signature must still be intact and reach the end of the file. The case becomes ISSUED
// (issuedAt set by the engine); a corrected re-issue revokes the certification it replaces in the
// same transaction (replace-reissued-case.ts); the issuance mail is written to the outbox in the
// same transaction and delivered after the commit.
// The procedures without a DIDEDUC signature (D.1.2, D.2.2, D.3) are issued by the central office
// alone: the sheet is rendered and signed once here (signing/issue-central-certification.ts).
export async function signAndIssue(input: TSignAndIssueInput, options: TCertifyOptions = {}): Promise<{ version: number; state: string }> {
  const deps = await resolveCertifyDeps(options);
  const caseRow = await deps.db.case.findUnique({ where: { id: input.caseId }, select: { procedure: true } });
  if (!caseRow) throw new TransitionError("NOT_FOUND");
  if (issuedByCentralOnly(caseRow.procedure)) {
    const issued = await issueCentralCertification(input, { ...options, ...deps });
    return { version: issued.version, state: issued.state };
  }
  const updated = await signCaseDocument(
    input,
    CENTRAL_COUNTERSIGN_STEP,
    { ...options, ...deps },
  );
  return { version: updated.version, state: updated.state };
}
