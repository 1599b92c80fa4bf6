"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatFileSize, pagesText } from "@/components/cases/format-date";
import { ARCHIVE_RECORD_FILE_KIND } from "@/lib/cases/forms/graduation-record-form";
import { ACCEPTED_UPLOAD_TYPES, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "@/lib/uploads/limits";
import { FieldErrors } from "./fields";
import type { TListedFile } from "./file-uploads";
import { fieldId } from "./form-state";
import { uploadPdf } from "./upload-pdf";

type TRefusal = { name: string; message: string; code: string | null };

function localRefusal(file: File): string | null {
  const looksPdf = file.type === "application/pdf" || file.name.toLowerCase().endsWith(".pdf");
  if (!looksPdf) return "El archivo no es un PDF. Adjunte el PDF que le envió el Archivo Documental, tal como lo recibió.";
  if (file.size === 0) return "El archivo está vacío (0 bytes). Elija de nuevo el PDF que le envió el Archivo Documental.";
  if (file.size > MAX_UPLOAD_BYTES) return `El archivo supera el máximo de ${MAX_UPLOAD_MB} MB.`;
  return null;
}

// D.1.2's one file: the graduation record as the Archivo Documental e-mailed it, signed by it. The
// server checks that signature as soon as the file arrives (lib/cases/check-archive-record-upload)
// and refuses, without keeping it, a file that is unsigned, altered, extended after signing or
// signed by someone who is not an authorized archive signer; the reason is shown here.
export function ArchiveRecordUpload({
  initialFile,
  ensureCase,
  removeFile,
  onBusyChange,
  onFilesChanged,
  errors,
}: {
  initialFile: TListedFile | null;
  ensureCase: () => Promise<string | null>;
  removeFile: (fileId: string) => Promise<string | null>;
  onBusyChange: (busy: boolean) => void;
  onFilesChanged: () => void;
  errors?: readonly string[];
}) {
  const [file, setFile] = useState<TListedFile | null>(initialFile);
  const [pending, setPending] = useState<{ name: string; progress: number } | null>(null);
  const [refusal, setRefusal] = useState<TRefusal | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [removing, setRemoving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = fieldId("files");
  const hasErrors = !!errors && errors.length > 0;

  async function onChoose(list: FileList | null) {
    const chosen = list?.[0];
    if (inputRef.current) inputRef.current.value = "";
    if (!chosen) return;
    setRefusal(null);
    const local = localRefusal(chosen);
    if (local) {
      setRefusal({ name: chosen.name, message: local, code: null });
      return;
    }
    onBusyChange(true);
    setPending({ name: chosen.name, progress: 0 });
    setAnnouncement(`Subiendo ${chosen.name} y comprobando la firma del Archivo.`);
    try {
      const caseId = await ensureCase();
      const outcome = caseId
        ? await uploadPdf(chosen, {
            caseId,
            kind: ARCHIVE_RECORD_FILE_KIND,
            onProgress: (fraction) => setPending({ name: chosen.name, progress: Math.round(fraction * 100) }),
          })
        : ({ ok: false, code: "NO_CASE", message: "No se pudo guardar la solicitud para adjuntar el archivo. Revise su conexión e inténtelo de nuevo." } as const);
      if (outcome.ok) {
        setFile({ id: outcome.file.id, name: outcome.file.name, size: outcome.file.size, pages: outcome.file.pages });
        onFilesChanged();
        setAnnouncement(`${outcome.file.name} se adjuntó: la firma del Archivo Documental es válida.`);
      } else {
        setRefusal({ name: chosen.name, message: outcome.message, code: outcome.code });
        setAnnouncement(`${chosen.name} no se adjuntó.`);
      }
    } finally {
      setPending(null);
      onBusyChange(false);
    }
  }

  async function onRemove(current: TListedFile) {
    setRemoving(true);
    const error = await removeFile(current.id);
    setRemoving(false);
    if (error) {
      setRefusal({ name: current.name, message: error, code: null });
      return;
    }
    setFile(null);
    setAnnouncement(`Se quitó ${current.name}.`);
  }

  return (
    <fieldset className="space-y-4" id={`${inputId}-grupo`}>
      <legend className="mb-1 text-xl font-semibold">Expediente firmado por el Archivo Documental</legend>
      <div id={`${inputId}-hint`} className="space-y-1 text-slate-800">
        <p>
          Adjunte el PDF del expediente de graduación tal como se lo envió por correo el Archivo Documental del Ministerio de
          Educación. Ese PDF lleva la firma electrónica del Archivo: no lo imprima, no lo escanee, no lo abra y guarde con otro
          programa, porque la firma dejaría de ser válida.
        </p>
        <p className="text-sm text-slate-700">Un solo archivo PDF, de hasta {MAX_UPLOAD_MB} MB. Al subirlo comprobamos la firma en ese momento.</p>
      </div>
      <FieldErrors id={inputId} errors={errors} />

      {file ? null : (
        <div>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept={ACCEPTED_UPLOAD_TYPES}
            disabled={pending !== null}
            aria-describedby={[`${inputId}-hint`, hasErrors ? `${inputId}-error` : null, refusal ? `${inputId}-rechazo` : null].filter(Boolean).join(" ")}
            aria-invalid={hasErrors || refusal ? true : undefined}
            onChange={(e) => void onChoose(e.target.files)}
            className="peer sr-only"
          />
          <label
            htmlFor={inputId}
            className={cn(
              "flex min-h-14 w-full cursor-pointer items-center justify-center gap-2 rounded-md border-2 border-dashed bg-white p-3 text-center font-semibold",
              "peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
              pending ? "cursor-wait border-slate-400 text-slate-500" : "border-brand-700 text-brand-800 hover:bg-brand-50",
              hasErrors || refusal ? "border-red-700" : null,
            )}
          >
            <span aria-hidden="true">＋</span> Adjuntar el PDF firmado del Archivo
          </label>
        </div>
      )}

      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      {refusal ? (
        <div
          role="alert"
          id={`${inputId}-rechazo`}
          className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900"
          data-testid="upload-errors"
          data-code={refusal.code ?? undefined}
        >
          <p className="font-semibold">{refusal.name} no se adjuntó.</p>
          <p>{refusal.message}</p>
          <Button variant="ghost" className="px-0 text-red-900" onClick={() => setRefusal(null)}>
            Cerrar este aviso
          </Button>
        </div>
      ) : null}

      {pending ? (
        <div className="rounded-md border border-slate-300 p-3">
          <p className="font-semibold break-all">{pending.name}</p>
          <div className="mt-2 flex items-center gap-3">
            <progress max={100} value={pending.progress} aria-label={`Progreso de ${pending.name}`} className="h-3 w-full accent-brand-700" />
            <span className="w-12 text-right text-sm tabular-nums">{pending.progress} %</span>
          </div>
          {pending.progress >= 100 ? <p className="mt-1 text-sm text-slate-700">Comprobando la firma del Archivo Documental…</p> : null}
        </div>
      ) : null}

      {file ? (
        <div className="flex flex-col gap-2 rounded-md border border-green-700 bg-green-50 p-3 sm:flex-row sm:items-center sm:justify-between" data-testid="uploaded-files" data-file-name={file.name}>
          <div>
            <p className="font-semibold break-all">{file.name}</p>
            <p className="text-sm text-slate-700">
              {pagesText(file.pages)} · {formatFileSize(file.size)}
            </p>
            <p className="text-sm font-semibold text-green-900">
              <span aria-hidden="true">✔ </span>Firma del Archivo Documental comprobada.
            </p>
          </div>
          <div className="flex gap-2">
            <a
              className="inline-flex min-h-11 items-center px-2 font-semibold underline"
              href={`/api/files/${encodeURIComponent(file.id)}`}
              target="_blank"
              rel="noopener"
              aria-label={`Ver ${file.name}`}
            >
              Ver
            </a>
            <Button variant="ghost" disabled={removing} onClick={() => void onRemove(file)} aria-label={`Quitar ${file.name}`}>
              {removing ? "Quitando…" : "Quitar"}
            </Button>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
