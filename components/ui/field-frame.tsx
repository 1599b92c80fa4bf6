import type { ReactNode } from "react";
import { cn } from "./cn";
import { FieldErrors } from "./field-errors";

// The one wiring of a labelled control, whatever the control (input, select, textarea; a form
// field or the request editor's controlled one): the label, the hint "<id>-hint", the error
// paragraph "<id>-error" (FieldErrors) and the control that names both in aria-describedby, only
// while they exist (a describedby naming a missing element is read as nothing, silently).

// The control's own attributes: its id, invalid state and what describes it.
export function fieldControlProps(id: string, hint: ReactNode | undefined, errors: readonly string[] | undefined) {
  const invalid = !!errors && errors.length > 0;
  return {
    id,
    "aria-invalid": invalid ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
  } as const;
}

// The box of a text-like control; the border turns red with an error. `extra` for what one kind
// of control adds (the placeholder's colour where there can be one).
export function fieldControlClass(errors: readonly string[] | undefined, extra?: string): string {
  const invalid = !!errors && errors.length > 0;
  return cn("block w-full rounded-md border-2 bg-white px-3 py-2 text-base text-slate-900", extra, invalid ? "border-red-700" : "border-slate-600");
}

// The hint under a label, with the id ("<id>-hint") that fieldControlProps names in aria-describedby.
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="text-sm text-slate-700">
      {children}
    </p>
  );
}

// What a field says around its control: the label, "(opcional)" when it may stay empty, the hint
// and the errors.
export type TFieldText = { label: ReactNode; hint?: ReactNode; errors?: readonly string[]; optional?: boolean };

// Label, hint and errors above the control (children).
export function FieldFrame({
  id,
  label,
  hint,
  errors,
  optional = false,
  className,
  children,
}: TFieldText & { id: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
        {optional ? <span className="font-normal text-slate-600"> (opcional)</span> : null}
      </label>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldErrors id={id} errors={errors} />
      {children}
    </div>
  );
}
