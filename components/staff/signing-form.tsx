"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { cn } from "@/components/ui/cn";
import { CaseRefFields } from "./case-ref-fields";
import { failureCodeOf, type TStaffFormAction } from "./form-action";
import { OutdatedNotice } from "./outdated-notice";
import { useStaffForm } from "./use-staff-form";

// Signing with the person's own certificate: the PKCS#12 file and its passphrase travel with this
// one request and are never kept (not in the form state, not in the database, not in logs).
// A refusal (wrong passphrase, certificate not in the registry, not valid today) appears next to
// the field it concerns, and nothing about the case changed.
export function SigningForm({
  formAction,
  caseId,
  version,
  label,
  pendingLabel = "Firmando…",
  pageHref,
  intro,
}: {
  formAction: TStaffFormAction;
  caseId: string;
  version: number;
  label: string;
  pendingLabel?: string;
  pageHref: string;
  intro?: string;
}) {
  const { state, dispatch, onSubmit, failure, errors } = useStaffForm(formAction);
  const fileErrorId = errors.pkcs12?.length ? "pkcs12-error" : null;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-5" aria-label={label} autoComplete="off">
      <FormAlert id="sign-form-error" title="No se firmó" message={failure?.formError} />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      {intro ? <p>{intro}</p> : null}
      <CaseRefFields caseId={caseId} version={version} />
      <div className="space-y-1">
        <label htmlFor="pkcs12" className="block font-semibold text-slate-900">
          Archivo del certificado (.p12)
        </label>
        <p id="pkcs12-hint" className="text-sm text-slate-700">
          Su certificado de firma electrónica avanzada (archivo .p12 o .pfx). Se usa solo para esta firma y no se guarda.
        </p>
        {fileErrorId ? (
          <p id={fileErrorId} className="text-sm font-semibold text-red-800">
            {errors.pkcs12!.map((e) => (
              <span key={e} className="block">
                <span className="sr-only">Error: </span>
                {e}
              </span>
            ))}
          </p>
        ) : null}
        <input
          id="pkcs12"
          name="pkcs12"
          type="file"
          required
          accept=".p12,.pfx,application/x-pkcs12"
          aria-invalid={fileErrorId ? true : undefined}
          aria-describedby={["pkcs12-hint", fileErrorId].filter(Boolean).join(" ")}
          className={cn(
            "block w-full rounded-md border-2 bg-white px-3 py-2 text-base text-slate-900 file:mr-4 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:font-semibold file:text-brand-800",
            fileErrorId ? "border-red-700" : "border-slate-600",
          )}
        />
      </div>
      <TextField
        name="passphrase"
        type="password"
        label="Contraseña del certificado"
        hint="La contraseña que protege su archivo .p12. No se guarda."
        autoComplete="off"
        spellCheck={false}
        errors={errors.passphrase}
      />
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </form>
  );
}
