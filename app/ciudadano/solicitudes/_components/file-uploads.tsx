"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatFileSize, pagesText } from "@/components/cases/format-date";
import { ACCEPTED_UPLOAD_TYPES, MAX_FILES_PER_CASE, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, UPLOAD_RULES_TEXT } from "@/lib/uploads/limits";
import { FieldErrors } from "./fields";
import { fieldId } from "./form-state";
import { uploadPdf } from "./upload-pdf";

// `kind` (the FileKind) lets an editor with several upload groups put each file in its own.
export type TListedFile = { id: string; name: string; size: number; pages: number; kind?: string };

type TPending = { key: string; name: string; size: number; progress: number };
type TRefusal = { key: string; name: string; message: string };

let keyCounter = 0;
function nextKey(): string {
  keyCounter += 1;
  return `carga-${keyCounter}`;
}

// Checks the browser can make before sending a byte; the server parses every file anyway.
function localRefusal(file: File): string | null {
  const looksPdf = file.type === "application/pdf" || file.name.toLowerCase().endsWith(".pdf");
  if (!looksPdf) return "El archivo no es un PDF. Escanee o guarde el documento en formato PDF.";
  if (file.size === 0) return "El archivo está vacío (0 bytes). Elija de nuevo el PDF escaneado.";
  if (file.size > MAX_UPLOAD_BYTES) {
    return `El archivo supera el máximo de ${MAX_UPLOAD_MB} MB. Escanéelo con menor resolución (por ejemplo 200 ppp y en escala de grises) o divida el documento en varios archivos.`;
  }
  return null;
}

// The scans of a request: limits stated before choosing, a progress bar per file, the page count
// of each stored file, the server's refusal in Spanish next to the upload, and removal while the
// case is editable. A refused file is never listed as attached.
export function FileUploads({
  initialFiles,
  ensureCase,
  removeFile,
  onBusyChange,
  onFilesChanged,
  errors,
  kind,
  legend = "Documentos escaneados",
  requirement,
  fieldPath = "files",
  fileExtra,
}: {
  initialFiles: readonly TListedFile[];
  ensureCase: () => Promise<string | null>;
  removeFile: (fileId: string) => Promise<string | null>;
  onBusyChange: (busy: boolean) => void;
  onFilesChanged: () => void;
  errors?: readonly string[];
  // The FileKind the files are stored as (default SCAN), and what the procedure asks of them.
  kind?: string;
  legend?: string;
  requirement?: string;
  // The field the server's messages for this group are keyed by; also names its elements, so
  // several groups can share a page (D.2.1: the title, then each document a reviewer asked for).
  fieldPath?: string;
  // Something the form asks about one listed file, shown under it (D.1.1: a one-page file's blank back).
  fileExtra?: (file: TListedFile) => ReactNode;
}) {
  const [files, setFiles] = useState<TListedFile[]>(() => [...initialFiles]);
  const [pending, setPending] = useState<TPending[]>([]);
  const [refusals, setRefusals] = useState<TRefusal[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [removing, setRemoving] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const countRef = useRef(files.length);
  const activeRef = useRef(0);

  useEffect(() => {
    countRef.current = files.length;
  }, [files.length]);

  const slotsLeft = Math.max(0, MAX_FILES_PER_CASE - files.length - pending.length);
  const inputId = fieldId(fieldPath);
  const listHeadingId = fieldPath === "files" ? "archivos-adjuntos" : `${inputId}-adjuntos`;

  async function onChoose(list: FileList | null) {
    const chosen = list ? Array.from(list) : [];
    if (inputRef.current) inputRef.current.value = "";
    if (chosen.length === 0) return;
    setRefusals([]);

    let room = MAX_FILES_PER_CASE - countRef.current - activeRef.current;
    const accepted: Array<{ file: File; key: string }> = [];
    const refused: TRefusal[] = [];
    for (const file of chosen) {
      const key = nextKey();
      const local = localRefusal(file);
      if (local) refused.push({ key, name: file.name, message: local });
      else if (room <= 0) refused.push({ key, name: file.name, message: `La solicitud admite hasta ${MAX_FILES_PER_CASE} archivos. Quite alguno antes de agregar otro.` });
      else {
        room -= 1;
        accepted.push({ file, key });
      }
    }
    if (refused.length > 0) setRefusals(refused);
    if (accepted.length === 0) return;

    activeRef.current += accepted.length;
    onBusyChange(true);
    setPending((p) => [...p, ...accepted.map(({ file, key }) => ({ key, name: file.name, size: file.size, progress: 0 }))]);
    setAnnouncement(accepted.length === 1 ? `Subiendo ${accepted[0].file.name}.` : `Subiendo ${accepted.length} archivos.`);

    const caseId = await ensureCase();
    for (const { file, key } of accepted) {
      let outcome: Awaited<ReturnType<typeof uploadPdf>>;
      if (!caseId) {
        outcome = { ok: false, code: "NO_CASE", message: "No se pudo guardar la solicitud para adjuntar el archivo. Revise su conexión e inténtelo de nuevo." };
      } else {
        // One at a time: a phone on a slow connection finishes each file instead of stalling all.
        outcome = await uploadPdf(file, {
          caseId,
          kind,
          onProgress: (fraction) => setPending((p) => p.map((x) => (x.key === key ? { ...x, progress: Math.round(fraction * 100) } : x))),
        });
      }
      setPending((p) => p.filter((x) => x.key !== key));
      activeRef.current -= 1;
      if (outcome.ok) {
        const stored = outcome.file;
        setFiles((f) => [...f, { id: stored.id, name: stored.name, size: stored.size, pages: stored.pages, kind }]);
        countRef.current += 1;
        onFilesChanged();
        setAnnouncement(`${stored.name} se adjuntó: ${pagesText(stored.pages)}.`);
      } else {
        setRefusals((r) => [...r, { key, name: file.name, message: outcome.message }]);
        setAnnouncement(`${file.name} no se adjuntó.`);
      }
    }
    if (activeRef.current === 0) onBusyChange(false);
  }

  async function onRemove(file: TListedFile) {
    setRemoving(file.id);
    const error = await removeFile(file.id);
    setRemoving(null);
    if (error) {
      setRefusals([{ key: nextKey(), name: file.name, message: error }]);
      return;
    }
    setFiles((f) => f.filter((x) => x.id !== file.id));
    countRef.current -= 1;
    setAnnouncement(`Se quitó ${file.name}.`);
  }

  return (
    <fieldset className="space-y-4" id={inputId + "-grupo"}>
      <legend className="mb-1 text-xl font-semibold">{legend}</legend>
      <div id={`${inputId}-hint`} className="space-y-1 text-slate-800">
        {requirement ? <p className="font-semibold">{requirement}</p> : null}
        <p>{UPLOAD_RULES_TEXT}</p>
        <p className="text-sm text-slate-700">
          {files.length === 0
            ? `Aún no ha adjuntado archivos. Puede adjuntar hasta ${MAX_FILES_PER_CASE}.`
            : `Lleva ${files.length} de ${MAX_FILES_PER_CASE} archivos.`}
        </p>
      </div>
      <FieldErrors id={inputId} errors={errors} />

      <div>
        {/* The native button's text follows the browser's language; this label is always Spanish.
            The input stays focusable (visually hidden), and its focus ring shows on the label. */}
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept={ACCEPTED_UPLOAD_TYPES}
          multiple
          disabled={slotsLeft === 0}
          aria-describedby={[`${inputId}-hint`, errors && errors.length > 0 ? `${inputId}-error` : null].filter(Boolean).join(" ")}
          aria-invalid={errors && errors.length > 0 ? true : undefined}
          onChange={(e) => void onChoose(e.target.files)}
          className="peer sr-only"
        />
        <label
          htmlFor={inputId}
          className={cn(
            "flex min-h-14 w-full cursor-pointer items-center justify-center gap-2 rounded-md border-2 border-dashed bg-white p-3 text-center font-semibold",
            "peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
            slotsLeft === 0 ? "cursor-not-allowed border-slate-400 text-slate-500" : "border-brand-700 text-brand-800 hover:bg-brand-50",
            errors && errors.length > 0 ? "border-red-700" : null,
          )}
        >
          <span aria-hidden="true">＋</span> Agregar archivos PDF
        </label>
        {slotsLeft === 0 ? <p className="mt-1 text-sm text-slate-700">Alcanzó el máximo de archivos. Quite alguno para agregar otro.</p> : null}
      </div>

      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      {refusals.length > 0 ? (
        <div role="alert" className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900" data-testid="upload-errors">
          {refusals.map((r) => (
            <p key={r.key}>
              <span className="font-semibold">{r.name}: </span>
              {r.message}
            </p>
          ))}
          <Button variant="ghost" className="px-0 text-red-900" onClick={() => setRefusals([])}>
            Cerrar este aviso
          </Button>
        </div>
      ) : null}

      {pending.length > 0 ? (
        <ul className="space-y-3" aria-label="Archivos subiendo">
          {pending.map((p) => (
            <li key={p.key} className="rounded-md border border-slate-300 p-3">
              <p className="font-semibold break-all">{p.name}</p>
              <div className="mt-2 flex items-center gap-3">
                <progress max={100} value={p.progress} aria-label={`Progreso de ${p.name}`} className="h-3 w-full accent-brand-700" />
                <span className="w-12 text-right text-sm tabular-nums">{p.progress} %</span>
              </div>
              {p.progress >= 100 ? <p className="mt-1 text-sm text-slate-700">Revisando el PDF…</p> : null}
            </li>
          ))}
        </ul>
      ) : null}

      <section aria-labelledby={listHeadingId}>
        <h3 id={listHeadingId} className="font-semibold text-slate-900">
          Archivos adjuntos
        </h3>
        {files.length === 0 ? (
          <p className="text-slate-700">Ninguno todavía.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-300" data-testid="uploaded-files">
            {files.map((f) => (
              <li key={f.id} className="space-y-3 p-3" data-file-name={f.name}>
                <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-semibold break-all">{f.name}</p>
                  <p className="text-sm text-slate-700">
                    {pagesText(f.pages)} · {formatFileSize(f.size)}
                  </p>
                </div>
                <div className="flex gap-2">
                  {/* The file name in the accessible name (not as hidden text): the visible name stays the
                      only text match for it. */}
                  <a
                    className="inline-flex min-h-11 items-center px-2 font-semibold underline"
                    href={`/api/files/${encodeURIComponent(f.id)}`}
                    target="_blank"
                    rel="noopener"
                    aria-label={`Ver ${f.name}`}
                  >
                    Ver
                  </a>
                  <Button variant="ghost" disabled={removing === f.id} onClick={() => void onRemove(f)} aria-label={`Quitar ${f.name}`}>
                    {removing === f.id ? "Quitando…" : "Quitar"}
                  </Button>
                </div>
                </div>
                {fileExtra ? fileExtra(f) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </fieldset>
  );
}
