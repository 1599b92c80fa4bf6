"use client";

import { SelectField } from "@/components/admin/select-field";
import { TextField } from "@/components/ui/text-field";

// The rest of a signer's entry after its certificate and post, for the administrator's registration
// and the director's notice (both checked by lib/admin/check-authorized-signer-entry): the name, the
// staff account that alone may sign with it, and the dates it signs between (empty: the
// certificate's). Each form words the account and the dates for whom it addresses.
export function SignerEntryFields({
  accounts,
  values,
  errors,
  accountLabel,
  accountHint,
  validFromLabel,
  validToLabel,
  validToHint,
  datesOnTheirOwnRow = false,
}: {
  accounts: ReadonlyArray<{ id: string; name: string }>;
  values: Record<string, string>;
  errors: Record<string, readonly string[] | undefined>;
  accountLabel: string;
  accountHint: string;
  validFromLabel: string;
  validToLabel: string;
  validToHint: string;
  // In a two-column grid, an empty cell after the account so that the dates share a row.
  datesOnTheirOwnRow?: boolean;
}) {
  return (
    <>
      <TextField name="name" label="Nombre del firmante" hint="Si lo deja vacío, se toma del certificado." optional defaultValue={values.name ?? ""} errors={errors.name} />
      <SelectField
        name="userId"
        label={accountLabel}
        hint={accountHint}
        optional
        placeholder="Sin cuenta vinculada"
        options={accounts.map((a) => ({ value: a.id, label: a.name }))}
        defaultValue={values.userId ?? ""}
        key={`user-${values.userId ?? ""}`}
        errors={errors.userId}
      />
      {datesOnTheirOwnRow ? <div /> : null}
      <TextField name="validFrom" type="date" label={validFromLabel} hint="Vacío: la fecha del certificado." optional defaultValue={values.validFrom ?? ""} errors={errors.validFrom} />
      <TextField name="validTo" type="date" label={validToLabel} hint={validToHint} optional defaultValue={values.validTo ?? ""} errors={errors.validTo} />
    </>
  );
}
