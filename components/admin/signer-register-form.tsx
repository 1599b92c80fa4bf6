"use client";

import { useState } from "react";
import { DideducSignerPostFields } from "@/components/registry/dideduc-signer-post-fields";
import { SignerEntryFields } from "@/components/registry/signer-entry-fields";
import type { DideducType } from "@/lib/generated/prisma/enums";
import { useActionForm } from "@/components/ui/use-form-action";
import { registerAuthorizedSignerAction } from "@/app/admin/actions/register-authorized-signer";
import { errorSummaryItems } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { groupFingerprint, SIGNER_OFFICE_LABELS } from "@/lib/admin/signer-state";
import { SelectField } from "./select-field";
import { CertificateFileField } from "@/components/ui/certificate-file-field";

const ORDER = ["certificate", "office", "dideducId", "signerPost", "gender", "post", "name", "userId", "validFrom", "validTo"] as const;

type TOption = { id: string; name: string };
type TDideducOption = TOption & { type: DideducType };

export function SignerRegisterForm({ dideducs, accounts }: { dideducs: readonly TDideducOption[]; accounts: readonly TOption[] }) {
  const { state, formAction, failure, errors, values } = useActionForm(registerAuthorizedSignerAction);
  // The post list follows the office and the DIDEDUC chosen (decision 0014).
  const [office, setOffice] = useState(values.office ?? "");
  const [dideducId, setDideducId] = useState(values.dideducId ?? "");
  const dideducType = dideducs.find((d) => d.id === dideducId)?.type ?? null;
  return (
    <form action={formAction} noValidate className="space-y-5" aria-label="Registrar firmante">
      {state?.ok ? (
        <Notice tone="success" title="Firmante registrado">
          Huella SHA-256: <code className="break-all">{groupFingerprint(state.data.fingerprint)}</code>
        </Notice>
      ) : null}
      <FormAlert message={failure?.formError} items={errorSummaryItems(state, ORDER)} />
      <CertificateFileField label="Archivo del certificado (.pem, .cer o .crt)" hint="Solo el certificado público, en PEM o DER. Nunca suba un .p12 ni una clave privada." errors={errors.certificate} />
      <div className="grid gap-5 md:grid-cols-2">
        <SelectField
          name="office"
          label="Oficina"
          placeholder="Elija la oficina"
          options={Object.entries(SIGNER_OFFICE_LABELS).map(([value, label]) => ({ value, label }))}
          defaultValue={values.office ?? ""}
          key={`office-${values.office ?? ""}`}
          onChange={(e) => setOffice(e.currentTarget.value)}
          errors={errors.office}
        />
        <SelectField
          name="dideducId"
          label="Dirección Departamental"
          hint="Obligatoria si la oficina es una DIDEDUC."
          optional
          placeholder="—"
          options={dideducs.map((d) => ({ value: d.id, label: d.name }))}
          defaultValue={values.dideducId ?? ""}
          key={`dideduc-${values.dideducId ?? ""}`}
          onChange={(e) => setDideducId(e.currentTarget.value)}
          errors={errors.dideducId}
        />
        {office === "DIDEDUC" ? (
          <DideducSignerPostFields dideducType={dideducType} values={values} errors={errors} />
        ) : (
          <TextField name="post" label="Puesto" hint="Archivo Documental y planta central. Por ejemplo: Asistente de Atención al Ciudadano." defaultValue={values.post ?? ""} errors={errors.post} />
        )}
        <SignerEntryFields
          accounts={accounts}
          values={values}
          errors={errors}
          accountLabel="Cuenta del personal"
          accountHint="Si la elige, solo esa cuenta podrá firmar con este certificado."
          validFromLabel="Vigente desde"
          validToLabel="Vigente hasta"
          validToHint="Vacío: la fecha del certificado."
          datesOnTheirOwnRow
        />
      </div>
      <SubmitButton pendingLabel="Registrando…">Registrar firmante</SubmitButton>
    </form>
  );
}
