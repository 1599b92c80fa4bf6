import "server-only";
import { CENTRAL_OFFICE } from "@/lib/pdf/sheet-data";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { signCaseDocument, type TSignCaseInput } from "./signing/sign-case-document";

export type TSignAndIssueInput = TSignCaseInput;

// "Firmar y emitir": the central office's assistant (or coordinator) countersigns the file the
// DIDEDUC signed, as an incremental update so the first signature stays valid, with a certificate
// registered for the central office (SigningRefusal otherwise, nothing changes). The DIDEDUC's
// signature must still be intact and reach the end of the file. The case becomes ISSUED
// (issuedAt set by the engine); the issuance mail is written to the outbox in the same transaction
// and delivered after the commit.
export async function signAndIssue(input: TSignAndIssueInput, options: TCertifyOptions = {}): Promise<{ version: number; state: string }> {
  const deps = await resolveCertifyDeps(options);
  const updated = await signCaseDocument(
    input,
    {
      action: "sign_and_issue",
      fromStage: "DIDEDUC_SIGNED",
      toStage: "ISSUED",
      office: "CENTRAL",
      requirePriorSignatures: 1,
      describe: ({ caseRow, handle }) => ({
        reason: `Certificación electrónica ${caseRow.number}: refrendo y emisión por ${handle.authorizedSigner.post}, ${CENTRAL_OFFICE}`,
        location: "Ciudad de Guatemala, Guatemala",
      }),
      notify: (caseRow) => {
        // Assigned when the DIDEDUC generated the sheet; the signed file prints it.
        if (!caseRow.verificationCode) throw new Error(`Solicitud ${caseRow.number}: emitida sin código de verificación`);
        return { type: "issued", verificationCode: caseRow.verificationCode };
      },
    },
    { ...options, ...deps },
  );
  return { version: updated.version, state: updated.state };
}
