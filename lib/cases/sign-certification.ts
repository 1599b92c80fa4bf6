import "server-only";
import { DIDEDUC_SIGN_STEP } from "./signing/case-signing-steps";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { signCaseDocument, type TSignCaseInput } from "./signing/sign-case-document";

export type TSignCertificationInput = TSignCaseInput;

// "Firmar certificación": the DIDEDUC's director (or whoever the registry names for it) signs the
// UNSIGNED certification with their own PKCS#12 and passphrase, supplied for this signing only
// (never stored or logged). The certificate must be in the registry of authorized signers for the
// case's DIDEDUC, not revoked and valid today; otherwise SigningRefusal and nothing changes.
// The case moves to CENTRAL_REVIEW with a DIDEDUC_SIGNED document and one Signature row.
export async function signCertification(input: TSignCertificationInput, options: TCertifyOptions = {}): Promise<{ version: number; state: string }> {
  const deps = await resolveCertifyDeps(options);
  const updated = await signCaseDocument(
    input,
    DIDEDUC_SIGN_STEP,
    { ...options, ...deps },
  );
  return { version: updated.version, state: updated.state };
}
