import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FieldErrors } from "@/components/ui/field-errors";

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
}: Omit<ComponentProps<"textarea">, "name" | "id"> & { name: string; id?: string; label: ReactNode; hint?: ReactNode; errors?: readonly string[] }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = errors && errors.length > 0 ? `${id}-error` : null;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId!} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={id} errors={errors} />
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "block w-full rounded-md border-2 bg-white px-3 py-2 text-base text-slate-900",
          errorId ? "border-red-700" : "border-slate-600",
        )}
        {...textarea}
      />
    </div>
  );
}
