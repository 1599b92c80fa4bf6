import type { ComponentProps } from "react";
import { FieldFrame, fieldControlClass, fieldControlProps, type TFieldText } from "./field-frame";

// A labelled input with its hint and errors tied to it: the error paragraph has id
// "<name>-error" and the input points at it with aria-describedby (components/ui/field-frame).
export function TextField({
  name,
  label,
  hint,
  errors,
  optional = false,
  className,
  ...input
}: Omit<ComponentProps<"input">, "name" | "id"> & TFieldText & { name: string }) {
  return (
    <FieldFrame id={name} label={label} hint={hint} errors={errors} optional={optional} className={className}>
      <input
        {...fieldControlProps(name, hint, errors)}
        name={name}
        required={!optional}
        className={fieldControlClass(errors, "placeholder:text-slate-500")}
        {...input}
      />
    </FieldFrame>
  );
}
