import type { TActionResult } from "@/lib/action";
import type { TFieldErrors } from "@/lib/errors";
import { ACTION_UNREACHABLE_MESSAGE } from "@/components/ui/use-form-action";
import type { TCompletedSigningAnswer, TPreparedSigningAnswer } from "./case-action-schemas";
import { fromBase64, toBase64, type TOpenedCertificate } from "./open-certificate-file";

// The two server actions of one office (components/staff/create-signing-actions.ts), as the client
// calls them: with a plain object, never a form post.
export type TSigningActions = {
  prepare: (previous: null, input: { caseId: string; expectedVersion: number; certificates: string[] }) => Promise<TActionResult<TPreparedSigningAnswer>>;
  complete: (previous: null, input: { preparedSigningId: string; signatureValue: string }) => Promise<TActionResult<TCompletedSigningAnswer>>;
};

export type TSignCaseResult =
  | { ok: true; version: number; state: string; signMs: number }
  | { ok: false; code: string; formError: string; fieldErrors: TFieldErrors };

// ONE signature of one case with a certificate already opened in this tab, used by the case page's
// form and by the batch (each case its own prepare → sign → complete: its own PAdES signature,
// transition and audit event). What travels: the certificate chain, then the signature value.
// Never throws for an expected refusal: the caller shows or records it.
export async function signCaseInBrowser(
  opened: TOpenedCertificate,
  target: { caseId: string; expectedVersion: number },
  actions: TSigningActions,
): Promise<TSignCaseResult> {
  const prepared = await call(() => actions.prepare(null, { ...target, certificates: opened.certificates }));
  if (!prepared.ok) return refusal(prepared);
  const started = performance.now();
  let signatureValue: Uint8Array;
  try {
    signatureValue = await opened.signer.sign(fromBase64(prepared.data.signedAttributes));
  } catch {
    return { ok: false, code: "BROWSER_SIGN_FAILED", formError: "El navegador no pudo firmar con este certificado. Vuelva a abrir el archivo e inténtelo de nuevo.", fieldErrors: {} };
  }
  const signMs = performance.now() - started;
  const completed = await call(() => actions.complete(null, { preparedSigningId: prepared.data.preparedSigningId, signatureValue: toBase64(signatureValue) }));
  if (!completed.ok) return refusal(completed);
  return { ok: true, version: completed.data.version, state: completed.data.state, signMs };
}

// A request that never got an answer (network, a server restarted with a new build) reads like the
// forms' own "no se pudo enviar".
async function call<T>(run: () => Promise<TActionResult<T>>): Promise<TActionResult<T>> {
  try {
    return await run();
  } catch {
    return { ok: false, code: "UNREACHABLE", formError: ACTION_UNREACHABLE_MESSAGE };
  }
}

function refusal(result: Extract<TActionResult<unknown>, { ok: false }>): TSignCaseResult {
  return { ok: false, code: result.code ?? "UNEXPECTED", formError: result.formError, fieldErrors: result.fieldErrors ?? {} };
}
