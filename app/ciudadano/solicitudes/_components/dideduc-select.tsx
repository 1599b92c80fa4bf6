import { SelectField } from "./fields";
import type { TTextBinding } from "./use-case-draft";

// The Dirección Departamental a request belongs to (the draft's "dideducId"); label and hint say why.
export function DideducSelect({
  dideducs,
  ...field
}: TTextBinding & { label: string; hint: string; dideducs: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <SelectField placeholder="Seleccione una Dirección Departamental" options={dideducs.map((d) => ({ value: d.id, label: d.name }))} {...field} />
  );
}
