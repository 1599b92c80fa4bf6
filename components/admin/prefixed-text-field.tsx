import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { FieldErrors } from "@/components/ui/field-errors";

// TextField for pages that repeat one form per row: ids get a prefix so labels and errors stay unique.
export function PrefixedTextField({ prefix, name, label, errors, className, ...input }: Omit<ComponentProps<"input">, "id"> & { prefix: string; name: string; label: string; errors?: readonly string[] }) {
  const id = `${prefix}-${name}`;
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">{label}</label>
      <FieldErrors id={id} errors={errors} />
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={cn("block w-full rounded-md border-2 bg-white px-2 py-1", errorId ? "border-red-700" : "border-slate-600")}
        {...input}
      />
    </div>
  );
}
