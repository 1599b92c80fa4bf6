"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { CaseRefFields } from "./case-ref-fields";
import { failureCodeOf, type TStaffFormAction } from "./form-action";
import { OutdatedNotice } from "./outdated-notice";
import { TextareaField } from "./textarea-field";
import { useStaffForm } from "./use-staff-form";

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
  const { state, dispatch, onSubmit, failure, errors, values } = useStaffForm(formAction);
  const formId = `form-${action}`;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4" id={formId} aria-label={label}>
      <FormAlert id={`${formId}-error`} message={failure?.formError} />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      <CaseRefFields caseId={caseId} version={version} action={action} />
      <TextareaField
        name="reason"
        id={`${action}-reason`}
        label={reasonLabel}
        hint={hint}
        required
        maxLength={2000}
        defaultValue={values.reason ?? ""}
        errors={errors.reason}
      />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
