"use client";

import { errorSummaryItems } from "@/components/ui/action-state";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { CaseRefFields } from "./case-ref-fields";
import { failureCodeOf, type TStaffFormAction } from "./form-action";
import { OutdatedNotice } from "./outdated-notice";
import { CHECKLIST_FIELD_PREFIX, REVIEW_CHECKLIST, type TReviewChecklistItem } from "./review-checklist";
import { useStaffForm } from "./use-staff-form";


// The checklist and "Generar certificación y trasladar a firma". The preview link sits beside it
// so the reviewer can read the sheet before it goes to the director.
export function GenerateCertificationForm({
  formAction,
  caseId,
  version,
  label,
  previewHref,
  pageHref,
  checklist = REVIEW_CHECKLIST,
}: {
  formAction: TStaffFormAction;
  caseId: string;
  version: number;
  label: string;
  previewHref: string;
  pageHref: string;
  // The procedure's checklist (components/staff/review-checklist.ts); D.1.1's by default.
  checklist?: readonly TReviewChecklistItem[];
}) {
  const fieldOrder = checklist.map((i) => `${CHECKLIST_FIELD_PREFIX}${i.key}`);
  const { state, dispatch, onSubmit, failure, errors, values } = useStaffForm(formAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-5" aria-label={label}>
      <FormAlert id="generate-form-error" message={failure?.formError} items={errorSummaryItems(state, fieldOrder)} />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      <CaseRefFields caseId={caseId} version={version} />
      <fieldset className="space-y-3">
        <legend className="mb-2 font-semibold">Lista de verificación</legend>
        <p className="text-sm text-slate-700">Marque cada punto después de compararlo con los escaneos y los registros de la DIDEDUC.</p>
        {checklist.map((item) => {
          const name = `${CHECKLIST_FIELD_PREFIX}${item.key}`;
          return (
            <CheckboxField
              key={item.key}
              name={name}
              label={item.label}
              required
              defaultChecked={values[name] === "on"}
              errors={errors[name]}
            />
          );
        })}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <a href={previewHref} target="_blank" rel="noopener" className="font-semibold">
          Vista previa de la certificación
          <span className="sr-only"> (PDF, se abre en otra pestaña)</span>
        </a>
        <SubmitButton pendingLabel="Generando la certificación…">{label}</SubmitButton>
      </div>
    </form>
  );
}
