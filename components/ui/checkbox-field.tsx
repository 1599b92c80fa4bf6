import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { FieldErrors } from "./field-errors";
import { FieldHint, fieldControlProps } from "./field-frame";

export function CheckboxField({
  name,
  label,
  hint,
  errors,
  className,
  ...input
}: Omit<ComponentProps<"input">, "name" | "id" | "type"> & { name: string; label: ReactNode; hint?: ReactNode; errors?: readonly string[] }) {
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <input
        type="checkbox"
        {...fieldControlProps(name, hint, errors)}
        name={name}
        className="mt-1 size-5 shrink-0 accent-brand-700"
        {...input}
      />
      <div>
        <label htmlFor={name} className="font-semibold text-slate-900">
          {label}
        </label>
        {hint ? <FieldHint id={name}>{hint}</FieldHint> : null}
        <FieldErrors id={name} errors={errors} />
      </div>
    </div>
  );
}
