"use client";

import { notifyNewSignerAction } from "@/app/direccion/actions/notify-new-signer";
import { DideducSignerPostFields } from "@/components/registry/dideduc-signer-post-fields";
import { SignerEntryFields } from "@/components/registry/signer-entry-fields";
import { TextareaField } from "@/components/staff/textarea-field";
import { errorSummaryItems } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-form-action";
import { groupFingerprint } from "@/lib/admin/signer-state";
import type { DideducType } from "@/lib/generated/prisma/enums";
import { CertificateFileField } from "@/components/ui/certificate-file-field";

const ORDER = ["certificate", "signerPost", "gender", "name", "userId", "validFrom", "validTo", "note"] as const;

// Nota 3: the Director notifies Atención al Ciudadano of a new signer of the DIDEDUC, with the
// public certificate; the post list is the one the DIDEDUC's type allows.
export function SignerNoticeForm({ dideducType, accounts }: { dideducType: DideducType; accounts: ReadonlyArray<{ id: string; name: string }> }) {
  const { state, formAction, failure, errors, values } = useActionForm(notifyNewSignerAction);
  return (
    <form action={formAction} noValidate className="space-y-5" aria-label="Notificar un nuevo firmante">
      {state?.ok ? (
        <Notice tone="success" title="Notificación enviada">
          Atención al Ciudadano la revisará; el firmante quedará registrado cuando la acepte. Huella SHA-256 del certificado:{" "}
          <code className="break-all">{groupFingerprint(state.data.fingerprint)}</code>
        </Notice>
      ) : null}
      <FormAlert message={failure?.formError} items={errorSummaryItems(state, ORDER)} />
      <CertificateFileField label="Certificado de firma electrónica avanzada (.cer, .pem o .crt)" hint="Solo el certificado público. Nunca envíe el archivo .p12 / .pfx ni la clave privada." errors={errors.certificate} />
      <div className="grid gap-5 md:grid-cols-2">
        <DideducSignerPostFields dideducType={dideducType} values={values} errors={errors} />
        <SignerEntryFields
          accounts={accounts}
          values={values}
          errors={errors}
          accountLabel="Cuenta en Certifica"
          accountHint="Si la elige, solo esa persona podrá firmar con este certificado."
          validFromLabel="Firma desde"
          validToLabel="Firma hasta"
          validToHint="Vacío: el vencimiento del certificado."
        />
      </div>
      <TextareaField name="note" label="Nota para Atención al Ciudadano (opcional)" rows={2} maxLength={500} defaultValue={values.note ?? ""} errors={errors.note} />
      <SubmitButton pendingLabel="Enviando…">Enviar notificación</SubmitButton>
    </form>
  );
}
