import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { resolveAuthority, type TDelegationLike, type TWorkflowActor } from "./check-transition";
import { PROCEDURES, getDefinition } from "./definitions";

// States where a case's procedure has ended: a transition out of them (an issued certification's
// revocation) is taken when something happens, it is not work waiting in a queue.
const OUTCOME_STATES: readonly CaseState[] = ["ISSUED", "REGISTERED", "REJECTED", "REVOKED"];

export type TActionableStates = Partial<Record<Procedure, CaseState[]>>;

// "Requiere mi acción" (issue #14): per procedure, the states in which this staff member can take a
// step now, read from the workflow definitions as the case page decides its buttons (role, scope,
// delegation). Scope is judged on a case of the actor's own DIDEDUC: the DIDEDUC queues list only
// that office's cases, and the central office's scope is every DIDEDUC. Applicants' steps
// (submit, resubmit) and internal ones are the citizen's or the system's, never a queue's.
export function listActionableStates(
  actor: TWorkflowActor,
  delegations: readonly TDelegationLike[] = [],
  now: Date = new Date(),
): TActionableStates {
  const out: TActionableStates = {};
  for (const procedure of PROCEDURES) {
    const states = new Set<CaseState>();
    for (const t of getDefinition(procedure).transitions) {
      if (t.internal || t.scope === "APPLICANT") continue;
      for (const state of t.from) {
        if (OUTCOME_STATES.includes(state) || states.has(state)) continue;
        const probe = { procedure, state, version: 0, applicantId: "", dideducId: actor.dideducId };
        if (resolveAuthority(t, probe, actor, delegations, now).ok) states.add(state);
      }
    }
    if (states.size > 0) out[procedure] = [...states];
  }
  return out;
}
