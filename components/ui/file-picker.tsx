"use client";

import { useEffect, useRef, useState, type ChangeEvent, type RefObject } from "react";
import { formatFileSize } from "@/components/cases/format-date";
import { cn } from "./cn";

// A single-file input that reads in Spanish whatever the browser's language: the native button's
// text ("Choose File", "No file chosen") follows the browser, so, as in the citizen's uploader
// (app/ciudadano/solicitudes/_components/file-uploads.tsx), the input is visually hidden but
// focusable and a Spanish label is what the person sees and clicks; the chosen file's name is
// shown next to it. The input takes its accessible name from the field's own label
// (`labelledBy`), so screen readers and tests (getByLabel) find it by that name as before.
// `showSize` adds the chosen file's size to its name, where the size matters to the person
// (a large import: they see it is the file they meant, and how it compares with the stated limit).
export function FilePicker({
  id,
  labelledBy,
  inputRef,
  name,
  accept,
  required,
  disabled,
  invalid,
  describedBy,
  onChange,
  buttonText = "Elegir archivo",
  noneChosen = "Ningún archivo elegido",
  showSize = false,
}: {
  id: string;
  labelledBy: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  name?: string;
  accept?: string;
  required?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  onChange?: (e: ChangeEvent<HTMLInputElement>) => void;
  buttonText?: string;
  noneChosen?: string;
  showSize?: boolean;
}) {
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? ownRef;
  // React resets a form after its action ran (and so empties the input): forget the name too.
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const onReset = () => setChosen(null);
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, [ref]);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <input
        ref={ref}
        id={id}
        name={name}
        type="file"
        accept={accept}
        required={required}
        disabled={disabled}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy || undefined}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setChosen(file ? { name: file.name, size: file.size } : null);
          onChange?.(e);
        }}
        className="peer sr-only"
      />
      <label
        htmlFor={id}
        className={cn(
          "inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border-2 bg-white px-4 py-2 font-semibold",
          "peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
          disabled ? "cursor-not-allowed border-slate-400 text-slate-500" : "border-brand-700 text-brand-800 hover:bg-brand-50",
          invalid ? "border-red-700" : null,
        )}
      >
        <span aria-hidden="true">＋</span> {buttonText}
      </label>
      {/* Hidden from screen readers: the input itself announces the chosen file. */}
      <span aria-hidden="true" className="break-all text-slate-800" data-testid="file-picker-chosen">
        {chosenFileText(chosen, { showSize, noneChosen })}
      </span>
    </div>
  );
}

// What the picker shows next to its button: the chosen file's name (and size), or that none is.
export function chosenFileText(chosen: { name: string; size: number } | null, { showSize = false, noneChosen = "Ningún archivo elegido" } = {}): string {
  if (!chosen) return noneChosen;
  return showSize ? `${chosen.name} (${formatFileSize(chosen.size)})` : chosen.name;
}
