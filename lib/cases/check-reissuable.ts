import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { STATE_LABELS } from "@/lib/workflow/state-labels";

// A re-issue still on its way: while one exists, no other may start (REJECTED, ISSUED and REVOKED
// ones are over, and so is a re-issue draft its holder deleted or a request withdrawn: issue #14).
export const CLOSED_REISSUE_STATES: readonly CaseState[] = ["REJECTED", "ISSUED", "REVOKED", "WITHDRAWN", "DISCARDED"];

// The states a certification can be re-issued from: issued (to correct it) or already revoked by
// the Encargado (to give the holder a correct one in its place).
const REISSUABLE_STATES: readonly CaseState[] = ["ISSUED", "REVOKED"];

export type TReissueRefusal = { code: "NOT_REISSUABLE" | "ALREADY_REPLACED" | "REISSUE_OPEN"; message: string };

type TReissueLike = { number: string; state: CaseState; issuedAt: Date | null; verificationCode: string | null };

// Whether a corrected re-issue may start from this case, given its re-issues (any order): the one
// rule startReissue applies under the row lock and the case page reads to show the form or why not.
export function checkReissuable(c: { procedure: Procedure; state: CaseState }, reissues: readonly TReissueLike[]): TReissueRefusal | null {
  if (c.procedure === "TRANSLATOR_REGISTRATION") {
    return { code: "NOT_REISSUABLE", message: "Un registro de traductor jurado no es una certificación: no tiene reposición." };
  }
  if (!REISSUABLE_STATES.includes(c.state)) {
    return { code: "NOT_REISSUABLE", message: `Solo se repone una certificación emitida o anulada; esta solicitud está en «${STATE_LABELS[c.state]}».` };
  }
  // Its correction already exists: correcting again starts from the valid one.
  const replacement = reissues.find((r) => r.issuedAt !== null);
  if (replacement) {
    return {
      code: "ALREADY_REPLACED",
      message: `Esta certificación ya fue reemplazada por la de la solicitud ${replacement.number}${replacement.verificationCode ? ` (código ${replacement.verificationCode})` : ""}. Si hay que corregirla otra vez, inicie la reposición desde esa solicitud.`,
    };
  }
  const open = reissues.find((r) => !CLOSED_REISSUE_STATES.includes(r.state));
  if (open) {
    return {
      code: "REISSUE_OPEN",
      message: `Ya hay una reposición en curso de esta certificación: la solicitud ${open.number} («${STATE_LABELS[open.state]}»). Espere a que se emita o se rechace.`,
    };
  }
  return null;
}
