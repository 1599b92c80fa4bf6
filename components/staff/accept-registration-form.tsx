"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { CaseRefFields } from "./case-ref-fields";
import { failureCodeOf, type TStaffFormAction } from "./form-action";
import { OutdatedNotice } from "./outdated-notice";
import { useStaffForm } from "./use-staff-form";

// D.4 "Aceptar y registrar": the central manager's acceptance writes the translator's registry
// entry with the request's data and mails the translator. A refusal (e.g. the registration number
// is another translator's) is shown here, and nothing changed.
export function AcceptRegistrationForm({
  formAction,
  caseId,
  version,
  label,
  pageHref,
}: {
  formAction: TStaffFormAction;
  caseId: string;
  version: number;
  label: string;
  pageHref: string;
}) {
  const { state, dispatch, onSubmit, failure } = useStaffForm(formAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={label}>
      <FormAlert id="form-accept-error" message={failure?.formError} title="No se registró al traductor" />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      <CaseRefFields caseId={caseId} version={version} action="accept" />
      <p>
        Compruebe que la resolución o el acuerdo lleva el sello de registro de la Dirección Departamental y que el nombre, los idiomas y los números coinciden
        con los datos de la solicitud. Al aceptar, la inscripción queda en el registro con esos datos y con la forma de trato que la persona eligió (o se actualiza
        su inscripción), y se le avisa por correo electrónico.
      </p>
      <SubmitButton pendingLabel="Registrando…">{label}</SubmitButton>
    </form>
  );
}
