"use client";

import type { ComponentProps, ReactNode, RefObject } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatFileSize, pagesText } from "@/components/cases/format-date";
import { ACCEPTED_UPLOAD_TYPES } from "@/lib/uploads/limits";
import { FieldErrors } from "./fields";
import type { TListedFile } from "./file-uploads";

// The markup of a request's upload field, one for the scans (FileUploads) and the Archivo's signed
// record (ArchiveRecordUpload): legend, the hint "<id>-hint" and the errors "<id>-error" the input
// names, the input with its Spanish label, the live announcement, the refusal, the files uploading
// (children of `progress`: UploadProgress) and the files attached (children: UploadedFile). What is
// uploaded, what is refused and what stays listed is each caller's.
export function UploadField({
  inputId,
  legend,
  hint,
  errors,
  picker,
  announcement,
  refusal,
  progress,
  children,
}: {
  inputId: string;
  legend: ReactNode;
  // The contents of the hint block (the rules of this field, said before choosing).
  hint: ReactNode;
  errors?: readonly string[];
  // Null while the input is not offered (the field's one file is attached).
  picker: {
    inputRef: RefObject<HTMLInputElement | null>;
    text: string;
    multiple?: boolean;
    // Why nothing can be chosen now: the field is full, or a file is on its way.
    blocked: "full" | "busy" | null;
    onChoose: (files: FileList | null) => void;
    // Said under the input.
    note?: ReactNode;
  } | null;
  announcement: string;
  // The refusal of what was just chosen (or could not be removed). `describesInput`: the input
  // names it (id "<id>-rechazo") and is invalid while it shows.
  refusal: { describesInput?: boolean; code?: string; onClose: () => void; children: ReactNode } | null;
  progress: ReactNode;
  children: ReactNode;
}) {
  const hasErrors = !!errors && errors.length > 0;
  const refusalId = refusal?.describesInput ? `${inputId}-rechazo` : null;
  return (
    <fieldset className="space-y-4" id={`${inputId}-grupo`}>
      <legend className="mb-1 text-xl font-semibold">{legend}</legend>
      <div id={`${inputId}-hint`} className="space-y-1 text-slate-800">
        {hint}
      </div>
      <FieldErrors id={inputId} errors={errors} />

      {picker ? (
        <div>
          {/* The native button's text follows the browser's language; this label is always Spanish.
              The input stays focusable (visually hidden), and its focus ring shows on the label. */}
          <input
            ref={picker.inputRef}
            id={inputId}
            type="file"
            accept={ACCEPTED_UPLOAD_TYPES}
            multiple={picker.multiple}
            disabled={picker.blocked !== null}
            aria-describedby={[`${inputId}-hint`, hasErrors ? `${inputId}-error` : null, refusalId].filter(Boolean).join(" ")}
            aria-invalid={hasErrors || refusalId ? true : undefined}
            onChange={(e) => picker.onChoose(e.target.files)}
            className="peer sr-only"
          />
          <label
            htmlFor={inputId}
            className={cn(
              "flex min-h-14 w-full cursor-pointer items-center justify-center gap-2 rounded-md border-2 border-dashed bg-white p-3 text-center font-semibold",
              "peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
              picker.blocked === "full"
                ? "cursor-not-allowed border-slate-400 text-slate-500"
                : picker.blocked === "busy"
                  ? "cursor-wait border-slate-400 text-slate-500"
                  : "border-brand-700 text-brand-800 hover:bg-brand-50",
              hasErrors || refusalId ? "border-red-700" : null,
            )}
          >
            <span aria-hidden="true">＋</span> {picker.text}
          </label>
          {picker.note}
        </div>
      ) : null}

      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      {refusal ? (
        <div
          role="alert"
          id={refusalId ?? undefined}
          className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900"
          data-testid="upload-errors"
          data-code={refusal.code}
        >
          {refusal.children}
          <Button variant="ghost" className="px-0 text-red-900" onClick={refusal.onClose}>
            Cerrar este aviso
          </Button>
        </div>
      ) : null}

      {progress}
      {children}
    </fieldset>
  );
}

// One file on its way: its name, a progress bar, and what happens once it has arrived.
export function UploadProgress({ as: Tag, name, progress, arrived }: { as: "li" | "div"; name: string; progress: number; arrived: string }) {
  return (
    <Tag className="rounded-md border border-slate-300 p-3">
      <p className="font-semibold break-all">{name}</p>
      <div className="mt-2 flex items-center gap-3">
        <progress max={100} value={progress} aria-label={`Progreso de ${name}`} className="h-3 w-full accent-brand-700" />
        <span className="w-12 text-right text-sm tabular-nums">{progress} %</span>
      </div>
      {progress >= 100 ? <p className="mt-1 text-sm text-slate-700">{arrived}</p> : null}
    </Tag>
  );
}

// One attached file: name, pages and size (then `details`), and the links to see it and remove it.
export function UploadedFile({
  file,
  removing,
  onRemove,
  details,
  className,
  ...div
}: Omit<ComponentProps<"div">, "children"> & { file: TListedFile; removing: boolean; onRemove: () => void; details?: ReactNode }) {
  return (
    <div className={cn("flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between", className)} {...div}>
      <div>
        <p className="font-semibold break-all">{file.name}</p>
        <p className="text-sm text-slate-700">
          {pagesText(file.pages)} · {formatFileSize(file.size)}
        </p>
        {details}
      </div>
      <div className="flex gap-2">
        {/* The file name in the accessible name (not as hidden text): the visible name stays the
            only text match for it. */}
        <a
          className="inline-flex min-h-11 items-center px-2 font-semibold underline"
          href={`/api/files/${encodeURIComponent(file.id)}`}
          target="_blank"
          rel="noopener"
          aria-label={`Ver ${file.name}`}
        >
          Ver
        </a>
        <Button variant="ghost" disabled={removing} onClick={onRemove} aria-label={`Quitar ${file.name}`}>
          {removing ? "Quitando…" : "Quitar"}
        </Button>
      </div>
    </div>
  );
}
