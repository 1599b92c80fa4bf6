"use client";

import type { ReactNode } from "react";
import { errorSummaryItems } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { CaseRefFields } from "./case-ref-fields";
import { failureCodeOf, type TStaffFormAction } from "./form-action";
import { OutdatedNotice } from "./outdated-notice";
import { TextareaField } from "./textarea-field";
import { useStaffForm } from "./use-staff-form";

type TStaffFormFields = Pick<ReturnType<typeof useStaffForm>, "errors" | "values">;

// A staff form that moves a case with a reason (request correction, return, reject, reject with
// guidance or asking for documents): the form's alert, the notice that the page is outdated, the
// case's reference, the reason ("<action>-reason", as several such forms share a page), what the
// transition asks besides (`children`, given the field errors and the values typed) and one button.
export function ReasonForm({
  formAction,
  caseId,
  version,
  action,
  label,
  pageHref,
  formId,
  alertId,
  summaryOrder,
  reasonLabel,
  reasonHint,
  variant,
  pendingLabel,
  children,
}: {
  formAction: TStaffFormAction;
  caseId: string;
  version: number;
  action: string;
  // The form's accessible name and its button's text.
  label: string;
  pageHref: string;
  formId?: string;
  alertId: string;
  // The fields the alert lists to correct, in the order they appear; none listed without it.
  summaryOrder?: readonly string[];
  reasonLabel: string;
  reasonHint?: string;
  variant: "primary" | "secondary" | "danger";
  pendingLabel: string;
  children?: (fields: TStaffFormFields) => ReactNode;
}) {
  const { state, dispatch, onSubmit, failure, errors, values } = useStaffForm(formAction);
  const reasonId = `${action}-reason`;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4" id={formId} aria-label={label}>
      <FormAlert
        id={alertId}
        message={failure?.formError}
        // The reason's id carries the action (several such forms share a page): its link must too.
        items={summaryOrder ? errorSummaryItems(state, summaryOrder).map((i) => (i.field === "reason" ? { ...i, field: reasonId } : i)) : undefined}
      />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      <CaseRefFields caseId={caseId} version={version} action={action} />
      <TextareaField
        name="reason"
        id={reasonId}
        label={reasonLabel}
        hint={reasonHint}
        required
        maxLength={2000}
        defaultValue={values.reason ?? ""}
        errors={errors.reason}
      />
      {children?.({ errors, values })}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
