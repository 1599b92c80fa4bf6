import { ZGuidanceInput, ZNoInput, ZReasonInput } from "@/lib/workflow/inputs";
import type { TTransitionDefinition } from "@/lib/workflow/types";

export type TFormKind = "generate" | "sign" | "guidance" | "reason" | "none" | "unsupported";

// Which form a transition needs, read from its definition: the operations with their own domain
// function by name, the plain ones by the input schema they declare.
export function formKindOf(t: Pick<TTransitionDefinition, "action" | "input">): TFormKind {
  if (t.action === "generate_certification") return "generate";
  if (t.action === "sign" || t.action === "sign_and_issue") return "sign";
  if (t.input === ZGuidanceInput) return "guidance";
  if (t.input === ZReasonInput) return "reason";
  if (t.input === ZNoInput) return "none";
  return "unsupported";
}
