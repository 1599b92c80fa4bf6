import type { ComponentProps } from "react";
import { FieldFrame, fieldControlClass, fieldControlProps, type TFieldText } from "@/components/ui/field-frame";

// A labelled <select> with its errors tied to it, like TextField ("<name>-error").
export function SelectField({
  name,
  label,
  hint,
  errors,
  optional = false,
  options,
  placeholder,
  className,
  ...select
}: Omit<ComponentProps<"select">, "name" | "id"> & TFieldText & { name: string; options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  return (
    <FieldFrame id={name} label={label} hint={hint} errors={errors} optional={optional} className={className}>
      <select {...fieldControlProps(name, hint, errors)} name={name} className={fieldControlClass(errors)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
