import type { TCaseAction } from "@/lib/cases/describe-case-action";

export type TFormKind = "generate" | "sign" | "accept" | "revoke" | "guidance" | "request_documents" | "reason" | "none" | "unsupported";

// Which form an action needs, from its descriptor (lib/cases/describe-case-action): the operations
// with their own domain function by operation, the plain ones by the input they ask for.
export function formKindOf(a: Pick<TCaseAction, "operation" | "inputKind">): TFormKind {
  if (a.operation === "generate_certification") return "generate";
  if (a.operation === "sign" || a.operation === "sign_and_issue") return "sign";
  if (a.operation === "accept_registration") return "accept";
  if (a.operation === "revoke" && a.inputKind === "revoke") return "revoke";
  if (a.operation !== "plain") return "unsupported";
  if (a.inputKind === "guidance") return "guidance";
  if (a.inputKind === "request_documents") return "request_documents";
  if (a.inputKind === "reason") return "reason";
  if (a.inputKind === "none") return "none";
  return "unsupported";
}
