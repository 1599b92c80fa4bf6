import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { FieldErrors } from "./field-errors";

// A labelled input with its hint and errors tied to it: the error paragraph has id
// "<name>-error" and the input points at it with aria-describedby.
export function TextField({
  name,
  label,
  hint,
  errors,
  optional = false,
  className,
  ...input
}: Omit<ComponentProps<"input">, "name" | "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  optional?: boolean;
}) {
  const hintId = hint ? `${name}-hint` : null;
  const errorId = errors && errors.length > 0 ? `${name}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
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
      <input
        id={name}
        name={name}
        required={!optional}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "block w-full rounded-md border-2 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500",
          errorId ? "border-red-700" : "border-slate-600",
        )}
        {...input}
      />
    </div>
  );
}
