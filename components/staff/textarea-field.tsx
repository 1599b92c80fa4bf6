import type { ComponentProps } from "react";
import { FieldFrame, fieldControlClass, fieldControlProps, type TFieldText } from "@/components/ui/field-frame";

// A labelled textarea with the same error wiring as TextField (#<id>-error, aria-describedby).
// `id` defaults to the name; set it when several forms on one page post the same field name.
export function TextareaField({
  name,
  id = name,
  label,
  hint,
  errors,
  className,
  ...textarea
}: Omit<ComponentProps<"textarea">, "name" | "id"> & Omit<TFieldText, "optional"> & { name: string; id?: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} className={className}>
      <textarea {...fieldControlProps(id, hint, errors)} name={name} rows={4} className={fieldControlClass(errors)} {...textarea} />
    </FieldFrame>
  );
}
