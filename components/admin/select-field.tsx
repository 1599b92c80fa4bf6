import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FieldErrors } from "@/components/ui/field-errors";

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
}: Omit<ComponentProps<"select">, "name" | "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  optional?: boolean;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
}) {
  const hintId = hint ? `${name}-hint` : null;
  const errorId = errors && errors.length > 0 ? `${name}-error` : null;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={name} className="block font-semibold text-slate-900">
        {label}
        {optional ? <span className="font-normal text-slate-600"> (opcional)</span> : null}
      </label>
      {hint ? (
        <p id={hintId!} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={name} errors={errors} />
      <select
        id={name}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn("block w-full rounded-md border-2 bg-white px-3 py-2 text-base text-slate-900", errorId ? "border-red-700" : "border-slate-600")}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
