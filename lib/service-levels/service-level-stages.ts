import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { PROCEDURES, getDefinition } from "@/lib/workflow/definitions";
import { isTerminalState } from "@/lib/workflow/state-labels";

export type TServiceLevelStage = { procedure: Procedure; state: CaseState };

// The stages a target can be set for, read from the workflow definitions: states (not final) that
// a staff transition leaves, i.e. where the case waits on staff. A correction waiting on the
// applicant (NEEDS_CORRECTION) has no staff transition out, so no target; an issued certification
// (revocable by staff) is final work, not a wait.
export function listServiceLevelStages(): TServiceLevelStage[] {
  const out: TServiceLevelStage[] = [];
  for (const procedure of PROCEDURES) {
    const states = new Set<CaseState>();
    for (const t of getDefinition(procedure).transitions) {
      if (t.internal || t.scope === "APPLICANT") continue;
      for (const s of t.from) if (!isTerminalState(s) && s !== "DRAFT") states.add(s);
    }
    for (const state of states) out.push({ procedure, state });
  }
  return out;
}

export function isServiceLevelStage(procedure: Procedure, state: CaseState): boolean {
  return listServiceLevelStages().some((s) => s.procedure === procedure && s.state === state);
}

// How a target is looked up: "PROCEDURE:STATE".
export const targetKey = (procedure: Procedure, state: CaseState) => `${procedure}:${state}`;
