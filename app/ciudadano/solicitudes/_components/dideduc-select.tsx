import { FormSection, SelectField } from "./fields";
import type { TTextBinding } from "./use-case-draft";

type TDideducSelectProps = TTextBinding & { label: string; hint: string; dideducs: ReadonlyArray<{ id: string; name: string }> };

// The Dirección Departamental a request belongs to (the draft's "dideducId"); label and hint say why.
export function DideducSelect({ dideducs, ...field }: TDideducSelectProps) {
  return (
    <SelectField placeholder="Seleccione una Dirección Departamental" options={dideducs.map((d) => ({ value: d.id, label: d.name }))} {...field} />
  );
}

// The select alone under its own heading.
export function DideducSection(props: TDideducSelectProps) {
  return (
    <FormSection legend="Dirección Departamental de Educación">
      <DideducSelect {...props} />
    </FormSection>
  );
}
