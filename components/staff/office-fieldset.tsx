"use client";

import { useRef, useState } from "react";
import { DEMO_DATA_LABEL, DemoDataMark } from "@/components/ui/demo-data-mark";
import { FieldHint } from "@/components/ui/field-frame";
import { TextField } from "@/components/ui/text-field";
import type { TFieldErrors } from "@/lib/errors";
import type { TStaffFormAction } from "./form-action";

// `isPlaceholder`: the seed's invented office (its phone and address are not real).
export type TSupervisionOfficeOption = { id: string; name: string; phone: string; address: string; isPlaceholder?: boolean };

// The props of a staff form that rejects a case and names an office (guidance, requested documents).
export type TOfficeFormProps = {
  formAction: TStaffFormAction;
  caseId: string;
  version: number;
  action: string;
  label: string;
  offices: readonly TSupervisionOfficeOption[];
  pageHref: string;
};

// An office, picked from the DIDEDUC's directory and editable (the directory may be out of date, or
// another office fits). Without JavaScript the fields start with the first office and are still
// editable. The fields are `${fieldPrefix}.name|phone|address`.
export function OfficeFieldset({
  legend,
  selectId,
  selectHint,
  fieldPrefix,
  offices,
  values,
  errors,
}: {
  legend: string;
  selectId: string;
  selectHint: string;
  fieldPrefix: string;
  offices: readonly TSupervisionOfficeOption[];
  values: Record<string, string>;
  errors: TFieldErrors;
}) {
  const nameRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  const first = offices[0];
  const [picked, setPicked] = useState(first);
  const pick = (id: string) => {
    const office = offices.find((o) => o.id === id);
    if (!office) return;
    setPicked(office);
    if (nameRef.current) nameRef.current.value = office.name;
    if (phoneRef.current) phoneRef.current.value = office.phone;
    if (addressRef.current) addressRef.current.value = office.address;
  };
  const name = `${fieldPrefix}.name`;
  const phone = `${fieldPrefix}.phone`;
  const address = `${fieldPrefix}.address`;
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      {offices.length > 0 ? (
        <div className="space-y-1">
          <label htmlFor={selectId} className="block font-semibold text-slate-900">
            Supervisión Educativa del directorio
          </label>
          <FieldHint id={selectId}>{selectHint}</FieldHint>
          <select
            id={selectId}
            aria-describedby={`${selectId}-hint`}
            defaultValue={first?.id}
            onChange={(e) => pick(e.target.value)}
            className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2 text-base"
          >
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.isPlaceholder ? `${o.name} (${DEMO_DATA_LABEL.toLowerCase()})` : o.name}
              </option>
            ))}
          </select>
          {picked?.isPlaceholder ? (
            <DemoDataMark detail="el teléfono y la dirección de esta supervisión son de ejemplo. Si conoce los reales, corríjalos abajo; si no, la persona verá este aviso." />
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-700">El directorio de su DIDEDUC no tiene supervisiones registradas: escriba los datos de la oficina.</p>
      )}
      <TextField ref={nameRef} name={name} label="Nombre de la oficina" defaultValue={values[name] ?? first?.name ?? ""} maxLength={300} errors={errors[name]} />
      <TextField ref={phoneRef} name={phone} type="tel" label="Teléfono" defaultValue={values[phone] ?? first?.phone ?? ""} maxLength={60} errors={errors[phone]} />
      <TextField
        ref={addressRef}
        name={address}
        label="Dirección"
        defaultValue={values[address] ?? first?.address ?? ""}
        maxLength={300}
        errors={errors[address]}
      />
    </fieldset>
  );
}
