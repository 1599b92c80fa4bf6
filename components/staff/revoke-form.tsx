"use client";

import { errorSummaryItems } from "@/components/ui/action-state";
import { SelectField } from "@/components/admin/select-field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { REVOCATION_CATEGORY_LABELS, STAFF_REVOCATION_CATEGORIES } from "@/lib/verification/revocation-categories";
import { CaseRefFields } from "./case-ref-fields";
import { failureCodeOf, type TStaffFormAction } from "./form-action";
import { OutdatedNotice } from "./outdated-notice";
import { TextareaField } from "./textarea-field";
import { useStaffForm } from "./use-staff-form";

const FIELD_ORDER = ["category", "note", "confirmNumber"] as const;

// "Anular certificación" (Encargado, coordinator): the public category, the internal note and the
// case number typed again. What was typed comes back after a refusal (values), each error next to
// its field.
export function RevokeForm({
  formAction,
  caseId,
  caseNumber,
  version,
  label,
  pageHref,
}: {
  formAction: TStaffFormAction;
  caseId: string;
  caseNumber: string;
  version: number;
  label: string;
  pageHref: string;
}) {
  const { state, dispatch, onSubmit, failure, errors, values } = useStaffForm(formAction);
  const categoryError = errors.category;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4" id="form-revoke" aria-label={label}>
      <FormAlert id="revoke-form-error" message={failure?.formError} items={errorSummaryItems(state, FIELD_ORDER)} />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      <div role="note" className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-950" data-testid="revoke-warning">
        <p className="font-semibold">La anulación no se puede deshacer.</p>
        <p className="mt-1">
          La certificación dejará de ser válida: la página de verificación y el código QR dirán «Anulada», con la fecha y el motivo, y el
          documento ya no se podrá descargar fuera de Atención al Ciudadano. Se avisará al titular por correo electrónico.
        </p>
      </div>
      <CaseRefFields caseId={caseId} version={version} />
      {/* Keyed by the value sent back: React applies a select's defaultValue only when it mounts,
          and the form's reset after a refused submission would otherwise drop the choice. */}
      <SelectField
        key={values.category ?? ""}
        name="category"
        label="Motivo de la anulación"
        hint="Es público: aparece en la página de verificación y en el correo al titular."
        required
        defaultValue={values.category ?? ""}
        errors={categoryError}
        placeholder="Seleccione el motivo…"
        options={STAFF_REVOCATION_CATEGORIES.map((c) => ({ value: c, label: REVOCATION_CATEGORY_LABELS.es[c] }))}
      />
      <TextareaField
        name="note"
        label="Nota interna"
        hint="Qué se encontró y quién lo pidió. Solo la ve el personal: no aparece en la página de verificación ni se envía al titular."
        required
        maxLength={2000}
        defaultValue={values.note ?? ""}
        errors={errors.note}
      />
      <TextField
        name="confirmNumber"
        label={`Escriba el número de la solicitud (${caseNumber}) para confirmar`}
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        defaultValue={values.confirmNumber ?? ""}
        errors={errors.confirmNumber}
      />
      <SubmitButton variant="danger" pendingLabel="Anulando…">
        {label}
      </SubmitButton>
    </form>
  );
}
