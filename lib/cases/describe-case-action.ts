import "server-only";
import type { TTransitionDefinition } from "@/lib/workflow/types";
import { ZGuidanceInput, ZNoInput, ZReasonInput, ZRequestDocumentsInput, ZRevokeInput } from "@/lib/workflow/inputs";
import type { CaseState } from "@/lib/generated/prisma/enums";

// What a screen needs to draw a button and its form for a transition (client-safe, serializable):
// - inputKind: which fields to ask for (none, a reason, a reason + supervision office, a reason +
//   documents + office);
// - operation: which domain call performs it. "plain" → performCaseAction; the others have their
//   own operation (submitCase, generateCertification, prepareCaseSigning/completeCaseSigning for
//   "sign" and "sign_and_issue",
//   acceptTranslatorRegistration for D.4's "accept", which writes the registry entry,
//   revokeCertification for "revoke": category, internal note, case number typed again).
// Internal transitions (replace) never reach a screen: availableActions leaves them out.
export type TCaseActionInputKind = "none" | "reason" | "guidance" | "request_documents" | "revoke";
export type TCaseActionOperation = "plain" | "discard_draft" | "submit" | "generate_certification" | "sign" | "sign_and_issue" | "accept_registration" | "revoke";

export type TCaseAction = {
  action: string;
  label: string;
  to: CaseState;
  inputKind: TCaseActionInputKind;
  operation: TCaseActionOperation;
  // What the transition does, for staff (the definition's `help`), or null.
  help: string | null;
};

export function describeCaseAction(t: TTransitionDefinition): TCaseAction {
  const inputKind: TCaseActionInputKind =
    t.input === ZGuidanceInput
      ? "guidance"
      : t.input === ZRequestDocumentsInput
        ? "request_documents"
        : t.input === ZRevokeInput
          ? "revoke"
        : t.input === ZReasonInput || "reason" in t.input.shape
          ? "reason"
          : t.input === ZNoInput
            ? "none"
            : "none";
  const operation: TCaseActionOperation =
    t.action === "submit" || t.action === "resubmit"
      ? "submit"
      : t.action === "generate_certification" || t.action === "sign" || t.action === "sign_and_issue"
        ? t.action
        : t.action === "accept"
          ? "accept_registration"
          : t.action === "revoke"
            ? "revoke"
            : t.action === "discard_draft"
              ? "discard_draft"
              : "plain";
  return { action: t.action, label: t.label, to: t.to, inputKind, operation, help: t.help ?? null };
}
