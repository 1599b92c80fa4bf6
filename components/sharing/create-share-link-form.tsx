"use client";

import { useState } from "react";
import { createShareLinkAction } from "@/app/ciudadano/actions/create-share-link";
import { SelectField } from "@/components/admin/select-field";
import { errorSummaryItems, failureOf, fieldErrorsOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { SHARE_LINK_EXPIRY_CHOICES, SHARE_LINK_LABEL_MAX } from "@/lib/sharing/share-link-policy";

const FIELD_ORDER = ["label", "expiresIn", "expiresOn"] as const;

// The holder names who the link is for and how long it works; the new link appears in the list
// below (the action revalidates the page). What was typed comes back after a refusal.
export function CreateShareLinkForm({ caseId, dateMin, dateMax }: { caseId: string; dateMin: string; dateMax: string }) {
  const [state, formAction] = useFormAction(createShareLinkAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const values = failure?.values ?? {};
  const [expiresIn, setExpiresIn] = useState(values.expiresIn ?? "7");
  // After a refusal the form is rendered again with what was typed (React resets a form after its action).
  const [lastFailure, setLastFailure] = useState(failure);
  if (failure !== lastFailure) {
    setLastFailure(failure);
    if (failure?.values?.expiresIn) setExpiresIn(failure.values.expiresIn);
  }
  const fieldItems = errorSummaryItems(state, FIELD_ORDER);
  return (
    <form action={formAction} className="space-y-4" aria-label="Crear un enlace para compartir" noValidate>
      <FormAlert message={failure?.formError} items={fieldItems} id="compartir-error" />
      {state?.ok ? (
        <Notice tone="success" title="Enlace creado">
          <p data-testid="share-link-created">
            El enlace para «{state.data.label}» está en la lista de abajo. Cópielo y envíelo a quien deba ver el documento.
          </p>
        </Notice>
      ) : null}
      <input type="hidden" name="caseId" value={caseId} />
      <TextField
        name="label"
        label="Para quién"
        hint="Por ejemplo, «Universidad de San Carlos» o «Consulado de España». Solo usted lo ve, para reconocer el enlace."
        errors={errors.label}
        maxLength={SHARE_LINK_LABEL_MAX}
        defaultValue={values.label ?? ""}
        autoComplete="off"
      />
      <SelectField
        name="expiresIn"
        label="Funciona durante"
        errors={errors.expiresIn}
        options={SHARE_LINK_EXPIRY_CHOICES}
        value={expiresIn}
        onChange={(e) => setExpiresIn(e.target.value)}
      />
      {expiresIn === "date" ? (
        <TextField
          type="date"
          name="expiresOn"
          label="Hasta el día"
          hint="El enlace funciona hasta el final de ese día (hora de Guatemala), de mañana a 90 días."
          errors={errors.expiresOn}
          min={dateMin}
          max={dateMax}
          defaultValue={values.expiresOn ?? ""}
          className="max-w-xs"
        />
      ) : null}
      <SubmitButton pendingLabel="Creando el enlace…">Crear enlace</SubmitButton>
    </form>
  );
}
