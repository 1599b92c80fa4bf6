import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// Controlled inputs of the request editor. Same look and error wiring as components/ui/text-field
// (error paragraph "<id>-error" referenced by aria-describedby), but the id is given apart from any
// name: these values travel as JSON, not as form fields.

export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
      {errors.map((e) => (
        <span key={e} className="block">
          <span className="sr-only">Error: </span>
          {e}
        </span>
      ))}
    </p>
  );
}

function describedBy(id: string, hint: ReactNode | undefined, errors: readonly string[] | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, errors && errors.length > 0 ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

const INPUT_CLASSES = "block w-full rounded-md border-2 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500";

export function InputField({
  id,
  label,
  hint,
  errors,
  optional = false,
  className,
  onValue,
  ...input
}: Omit<ComponentProps<"input">, "id" | "onChange"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  optional?: boolean;
  onValue: (value: string) => void;
}) {
  const hasErrors = !!errors && errors.length > 0;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
        {optional ? <span className="font-normal text-slate-600"> (opcional)</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={id} errors={errors} />
      <input
        id={id}
        aria-invalid={hasErrors ? true : undefined}
        aria-required={optional ? undefined : true}
        aria-describedby={describedBy(id, hint, errors)}
        className={cn(INPUT_CLASSES, hasErrors ? "border-red-700" : "border-slate-600")}
        onChange={(e) => onValue(e.target.value)}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  options,
  placeholder,
  className,
  onValue,
  ...select
}: Omit<ComponentProps<"select">, "id" | "onChange" | "children"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder: string;
  onValue: (value: string) => void;
}) {
  const hasErrors = !!errors && errors.length > 0;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={id} errors={errors} />
      <select
        id={id}
        aria-invalid={hasErrors ? true : undefined}
        aria-required
        aria-describedby={describedBy(id, hint, errors)}
        className={cn(INPUT_CLASSES, hasErrors ? "border-red-700" : "border-slate-600")}
        onChange={(e) => onValue(e.target.value)}
        {...select}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
