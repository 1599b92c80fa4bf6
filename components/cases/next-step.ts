import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { getDefinition } from "@/lib/workflow/definitions";
import { STATE_DESCRIPTIONS } from "@/lib/workflow/state-labels";

// What the applicant should read as "the next step": the citizen message of the transition that
// brought the case to its state (it knows WHY: submitted, returned, corrected…), else the state's
// own description. `lastAction` is the action of the latest audit event, when known, and
// `lastFromState` the state it left: one action may lead to the same state from two places (D.1.1's
// "return" from the director and from the central office), each with its own message.
export function nextStepText(procedure: Procedure, state: CaseState, lastAction?: string | null, lastFromState?: CaseState | null): string {
  if (state === "DRAFT") return STATE_DESCRIPTIONS.DRAFT;
  const transitions = getDefinition(procedure).transitions.filter((t) => t.to === state);
  const sameAction = lastAction ? transitions.filter((t) => t.action === lastAction) : [];
  const exact = (lastFromState ? sameAction.find((t) => t.from.includes(lastFromState)) : undefined) ?? sameAction[0];
  if (exact) return exact.citizenMessage;
  // Only one way in: its message is right whatever the last event was.
  if (transitions.length === 1) return transitions[0].citizenMessage;
  return STATE_DESCRIPTIONS[state];
}
