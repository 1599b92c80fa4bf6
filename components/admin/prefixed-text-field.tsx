import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { FieldErrors } from "@/components/ui/field-errors";
import { fieldControlProps } from "@/components/ui/field-frame";

// TextField for pages that repeat one form per row: ids get a prefix so labels and errors stay unique.
export function PrefixedTextField({ prefix, name, label, errors, className, ...input }: Omit<ComponentProps<"input">, "id"> & { prefix: string; name: string; label: string; errors?: readonly string[] }) {
  const id = `${prefix}-${name}`;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">{label}</label>
      <FieldErrors id={id} errors={errors} />
      <input
        {...fieldControlProps(id, undefined, errors)}
        name={name}
        className={cn("block w-full rounded-md border-2 bg-white px-2 py-1", errors?.length ? "border-red-700" : "border-slate-600")}
        {...input}
      />
    </div>
  );
}
