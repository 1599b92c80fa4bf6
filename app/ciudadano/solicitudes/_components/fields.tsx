import type { ComponentProps, ReactNode } from "react";
import { FieldErrors } from "@/components/ui/field-errors";
import { FieldFrame, fieldControlClass, fieldControlProps, type TFieldText } from "@/components/ui/field-frame";

// Controlled inputs of the request editor. Same look and error wiring as components/ui/text-field
// (error paragraph "<id>-error" referenced by aria-describedby), but the id is given apart from any
// name: these values travel as JSON, not as form fields.

export { FieldErrors };

// The wiring every control shares (components/ui/field-frame), with the placeholder's colour.
function controlProps(id: string, hint: ReactNode | undefined, errors: readonly string[] | undefined) {
  return { ...fieldControlProps(id, hint, errors), className: fieldControlClass(errors, "placeholder:text-slate-500") };
}

export function InputField({
  id,
  label,
  hint,
  errors,
  optional = false,
  className,
  onValue,
  ...input
}: Omit<ComponentProps<"input">, "id" | "onChange"> & TFieldText & { id: string; onValue: (value: string) => void }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} optional={optional} className={className}>
      <input {...controlProps(id, hint, errors)} aria-required={optional ? undefined : true} onChange={(e) => onValue(e.target.value)} {...input} />
    </FieldFrame>
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
}: Omit<ComponentProps<"select">, "id" | "onChange" | "children"> &
  Omit<TFieldText, "optional"> & {
    id: string;
    options: ReadonlyArray<{ value: string; label: string }>;
    placeholder: string;
    onValue: (value: string) => void;
  }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} className={className}>
      <select {...controlProps(id, hint, errors)} aria-required onChange={(e) => onValue(e.target.value)} {...select}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

// A titled group of fields. Most are plain; one an error summary links to takes an id and tabIndex.
export function FormSection({
  legend,
  intro,
  className = "space-y-4",
  children,
  ...fieldset
}: Omit<ComponentProps<"fieldset">, "children"> & { legend: ReactNode; intro?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className={className} {...fieldset}>
      <legend className="mb-1 text-xl font-semibold">{legend}</legend>
      {intro ? <p className="text-sm text-slate-700">{intro}</p> : null}
      {children}
    </fieldset>
  );
}

// One choice among a few, side by side on wide screens. The group (id) is what an error links to.
export function RadioGroupField({
  id,
  name,
  legend,
  intro,
  labels,
  value,
  errors,
  onValue,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  intro?: ReactNode;
  labels: Readonly<Record<string, string>>;
  value: string;
  errors?: readonly string[];
  onValue: (value: string) => void;
}) {
  return (
    <FormSection legend={legend} intro={intro} className="space-y-3" id={id} tabIndex={-1}>
      <FieldErrors id={id} errors={errors} />
      <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
        {Object.entries(labels).map(([option, label]) => (
          <label key={option} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onValue(option)}
              className="size-5 accent-brand-700"
              aria-describedby={errors ? `${id}-error` : undefined}
            />
            <span className="font-semibold">{label}</span>
          </label>
        ))}
      </div>
    </FormSection>
  );
}

// `list` with `value` in it (last) or without it.
export function toggled(list: readonly string[], value: string, checked: boolean): string[] {
  return checked ? [...list.filter((k) => k !== value), value] : list.filter((k) => k !== value);
}

// Several choices, each its own checkbox with id idOf(value).
export function CheckboxList({
  className,
  options,
  checked,
  idOf,
  onToggle,
}: {
  className: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: readonly string[];
  idOf: (value: string) => string;
  onToggle: (value: string, checked: boolean) => void;
}) {
  return (
    <div className={className}>
      {options.map(({ value, label }) => {
        const id = idOf(value);
        return (
          <div key={value} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" id={id} checked={checked.includes(value)} onChange={(e) => onToggle(value, e.target.checked)} className="size-5 shrink-0 accent-brand-700" />
            <label htmlFor={id} className="font-semibold text-slate-900">
              {label}
            </label>
          </div>
        );
      })}
    </div>
  );
}

// A statement the person confirms (a stamp is on the scan). Its errors sit under the row, in a group
// (group: what an error links to), or under the label (errorsUnderLabel).
export function ConfirmCheckbox({
  id,
  errorsId = id,
  group,
  errorsUnderLabel = false,
  label,
  checked,
  errors,
  onChecked,
}: {
  id: string;
  errorsId?: string;
  group?: { id: string; tabIndex?: number };
  errorsUnderLabel?: boolean;
  label: ReactNode;
  checked: boolean;
  errors?: readonly string[];
  onChecked: (checked: boolean) => void;
}) {
  const input = (
    <input
      type="checkbox"
      id={id}
      checked={checked}
      onChange={(e) => onChecked(e.target.checked)}
      aria-invalid={errors ? true : undefined}
      aria-describedby={errors ? `${errorsId}-error` : undefined}
      className="mt-1 size-5 shrink-0 accent-brand-700"
    />
  );
  const labelElement = (
    <label htmlFor={id} className="font-semibold text-slate-900">
      {label}
    </label>
  );
  const errorLines = <FieldErrors id={errorsId} errors={errors} />;
  if (errorsUnderLabel) {
    return (
      <div className="flex items-start gap-3">
        {input}
        <div>
          {labelElement}
          {errorLines}
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-1" {...group}>
      <div className="flex items-start gap-3">
        {input}
        {labelElement}
      </div>
      {errorLines}
    </div>
  );
}
