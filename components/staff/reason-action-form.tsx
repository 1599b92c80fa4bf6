"use client";

import type { TStaffFormAction } from "./form-action";
import { ReasonForm } from "./reason-form";

// A transition that takes a reason (request correction, return, reject): the reason and one button
// whose text is the transition's label from the workflow definition.
export function ReasonActionForm({
  formAction,
  caseId,
  version,
  action,
  label,
  reasonLabel,
  hint,
  variant = "secondary",
  pendingLabel = "Enviando…",
  pageHref,
}: {
  formAction: TStaffFormAction;
  caseId: string;
  version: number;
  action: string;
  label: string;
  reasonLabel: string;
  hint?: string;
  variant?: "primary" | "secondary" | "danger";
  pendingLabel?: string;
  pageHref: string;
}) {
  const formId = `form-${action}`;
  return (
    <ReasonForm
      formAction={formAction}
      caseId={caseId}
      version={version}
      action={action}
      label={label}
      pageHref={pageHref}
      formId={formId}
      alertId={`${formId}-error`}
      reasonLabel={reasonLabel}
      reasonHint={hint}
      variant={variant}
      pendingLabel={pendingLabel}
    />
  );
}
