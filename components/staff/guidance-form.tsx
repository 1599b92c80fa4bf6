"use client";

import { useActionState, useRef } from "react";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { CaseRefFields } from "./case-ref-fields";
import { failureCodeOf, type TStaffFormAction } from "./form-action";
import { OutdatedNotice } from "./outdated-notice";
import { TextareaField } from "./textarea-field";
import { useSingleSubmit } from "./use-single-submit";

export type TSupervisionOfficeOption = { id: string; name: string; phone: string; address: string };

// "Rechazar e indicar dónde acudir": the reason, and the office the citizen must go to, picked from
// the DIDEDUC's directory and editable (the directory may be out of date, or another office fits).
// Without JavaScript the fields start with the first office and are still editable.
export function GuidanceForm({
  formAction,
  caseId,
  version,
  action,
  label,
  offices,
  pageHref,
}: {
  formAction: TStaffFormAction;
  caseId: string;
  version: number;
  action: string;
  label: string;
  offices: readonly TSupervisionOfficeOption[];
  pageHref: string;
}) {
  const [state, dispatch] = useActionState(formAction, null);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const values = valuesOf(state);
  const onSubmit = useSingleSubmit(state);
  const nameRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  const first = offices[0];
  const pick = (id: string) => {
    const office = offices.find((o) => o.id === id);
    if (!office) return;
    if (nameRef.current) nameRef.current.value = office.name;
    if (phoneRef.current) phoneRef.current.value = office.phone;
    if (addressRef.current) addressRef.current.value = office.address;
  };
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={label}>
      <FormAlert id="guidance-form-error" message={failure?.formError} />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      <CaseRefFields caseId={caseId} version={version} action={action} />
      <TextareaField
        name="reason"
        id={`${action}-reason`}
        label="Motivo del rechazo"
        hint="Por qué no fue posible verificar los documentos. La persona lo leerá en su solicitud y en el correo."
        required
        maxLength={2000}
        defaultValue={values.reason ?? ""}
        errors={errors.reason}
      />
      <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-semibold">Oficina a la que debe acudir</legend>
        {offices.length > 0 ? (
          <div className="space-y-1">
            <label htmlFor="supervision-office" className="block font-semibold text-slate-900">
              Supervisión Educativa del directorio
            </label>
            <p id="supervision-office-hint" className="text-sm text-slate-700">
              Al elegir una, sus datos se copian abajo; puede corregirlos.
            </p>
            <select
              id="supervision-office"
              aria-describedby="supervision-office-hint"
              defaultValue={first?.id}
              onChange={(e) => pick(e.target.value)}
              className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2 text-base"
            >
              {offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="text-sm text-slate-700">El directorio de su DIDEDUC no tiene supervisiones registradas: escriba los datos de la oficina.</p>
        )}
        <TextField
          ref={nameRef}
          name="supervision.name"
          label="Nombre de la oficina"
          defaultValue={values["supervision.name"] ?? first?.name ?? ""}
          maxLength={300}
          errors={errors["supervision.name"]}
        />
        <TextField
          ref={phoneRef}
          name="supervision.phone"
          type="tel"
          label="Teléfono"
          defaultValue={values["supervision.phone"] ?? first?.phone ?? ""}
          maxLength={60}
          errors={errors["supervision.phone"]}
        />
        <TextField
          ref={addressRef}
          name="supervision.address"
          label="Dirección"
          defaultValue={values["supervision.address"] ?? first?.address ?? ""}
          maxLength={300}
          errors={errors["supervision.address"]}
        />
      </fieldset>
      <SubmitButton variant="danger" pendingLabel="Rechazando…">
        {label}
      </SubmitButton>
    </form>
  );
}
