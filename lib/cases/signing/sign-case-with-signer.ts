import "server-only";
import type { DocumentSigner } from "@/lib/signing/signer";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import type { TCertifyOptions } from "./certify-options";
import { completeCaseSigning } from "./complete-case-signing";
import { prepareCaseSigning } from "./prepare-case-signing";

// NOT USED BY THE APP. The app's signer holds the key in the browser (decision 0017); no server
// code reads a private key from a request (tests/unit/signing/no-server-key-path.test.ts keeps it
// so). The seed, the e2e fixture processes, the tests and the benchmarks hold demo keys in their
// own process: they sign through the same prepare → sign → complete path the browser uses, with
// `signer` playing the browser's part — so what they produce is exactly what the app would.
export type TSignCaseWithSignerInput = {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  action: "sign" | "sign_and_issue";
  signer: DocumentSigner;
  ip?: string | null;
};

export async function signCaseWithSigner(input: TSignCaseWithSignerInput, options: TCertifyOptions = {}): Promise<{ version: number; state: string }> {
  const { actor, caseId, expectedVersion, action, signer, ip } = input;
  const { certificate, chain } = await signer.certificates();
  const prepared = await prepareCaseSigning({ actor, caseId, expectedVersion, action, certificates: [certificate, ...chain], ip }, options);
  const signatureValue = await signer.sign(Buffer.from(prepared.signedAttributes, "base64"));
  return completeCaseSigning({ actor, preparedSigningId: prepared.preparedSigningId, signatureValue, ip }, options);
}

// "Firmar certificación": the DIDEDUC's signer signs the UNSIGNED certification (case → CENTRAL_REVIEW).
export function signCertification(input: Omit<TSignCaseWithSignerInput, "action">, options: TCertifyOptions = {}) {
  return signCaseWithSigner({ ...input, action: "sign" }, options);
}

// "Firmar y emitir": the central office countersigns the DIDEDUC's file (D.1.1, D.2.1) or renders
// and signs the sheet alone (D.1.2, D.2.2, D.3); the case is ISSUED.
export function signAndIssue(input: Omit<TSignCaseWithSignerInput, "action">, options: TCertifyOptions = {}) {
  return signCaseWithSigner({ ...input, action: "sign_and_issue" }, options);
}
