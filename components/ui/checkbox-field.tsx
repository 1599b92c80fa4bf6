import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { FieldErrors } from "./field-errors";

export function CheckboxField({
  name,
  label,
  hint,
  errors,
  className,
  ...input
}: Omit<ComponentProps<"input">, "name" | "id" | "type"> & { name: string; label: ReactNode; hint?: ReactNode; errors?: readonly string[] }) {
  const hintId = hint ? `${name}-hint` : null;
  const errorId = errors && errors.length > 0 ? `${name}-error` : null;
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <input
        type="checkbox"
        id={name}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="mt-1 size-5 shrink-0 accent-brand-700"
        {...input}
      />
      <div>
        <label htmlFor={name} className="font-semibold text-slate-900">
          {label}
        </label>
        {hint ? (
          <p id={hintId!} className="text-sm text-slate-700">
            {hint}
          </p>
        ) : null}
        <FieldErrors id={name} errors={errors} />
      </div>
    </div>
  );
}
