"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { pagesText } from "@/components/cases/format-date";
import { MAX_FILES_PER_CASE, MAX_UPLOAD_MB, UPLOAD_RULES_TEXT } from "@/lib/uploads/limits";
import { fieldId } from "./form-state";
import { UploadedFile, UploadField, UploadProgress } from "./upload-field";
import { localPdfRefusal, uploadPdfToCase } from "./upload-pdf";

// `kind` (the FileKind) lets an editor with several upload groups put each file in its own.
export type TListedFile = { id: string; name: string; size: number; pages: number; kind?: string };

type TPending = { key: string; name: string; size: number; progress: number };
type TRefusal = { key: string; name: string; message: string };

let keyCounter = 0;
function nextKey(): string {
  keyCounter += 1;
  return `carga-${keyCounter}`;
}

// The browser's checks (localPdfRefusal), said for a scan.
const LOCAL_REFUSALS = {
  NOT_PDF: "El archivo no es un PDF. Escanee o guarde el documento en formato PDF.",
  EMPTY: "El archivo está vacío (0 bytes). Elija de nuevo el PDF escaneado.",
  TOO_LARGE: `El archivo supera el máximo de ${MAX_UPLOAD_MB} MB. Escanéelo con menor resolución (por ejemplo 200 ppp y en escala de grises) o divida el documento en varios archivos.`,
} as const;

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
      const local = localPdfRefusal(file, LOCAL_REFUSALS);
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
      // One at a time: a phone on a slow connection finishes each file instead of stalling all.
      const outcome = await uploadPdfToCase(file, caseId, {
        kind,
        onProgress: (fraction) => setPending((p) => p.map((x) => (x.key === key ? { ...x, progress: Math.round(fraction * 100) } : x))),
      });
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
    <UploadField
      inputId={inputId}
      legend={legend}
      hint={
        <>
          {requirement ? <p className="font-semibold">{requirement}</p> : null}
          <p>{UPLOAD_RULES_TEXT}</p>
          <p className="text-sm text-slate-700">
            {files.length === 0
              ? `Aún no ha adjuntado archivos. Puede adjuntar hasta ${MAX_FILES_PER_CASE}.`
              : `Lleva ${files.length} de ${MAX_FILES_PER_CASE} archivos.`}
          </p>
        </>
      }
      errors={errors}
      picker={{
        inputRef,
        text: "Agregar archivos PDF",
        multiple: true,
        blocked: slotsLeft === 0 ? "full" : null,
        onChoose: (list) => void onChoose(list),
        note: slotsLeft === 0 ? <p className="mt-1 text-sm text-slate-700">Alcanzó el máximo de archivos. Quite alguno para agregar otro.</p> : null,
      }}
      announcement={announcement}
      refusal={
        refusals.length > 0
          ? {
              onClose: () => setRefusals([]),
              children: refusals.map((r) => (
                <p key={r.key}>
                  <span className="font-semibold">{r.name}: </span>
                  {r.message}
                </p>
              )),
            }
          : null
      }
      progress={
        pending.length > 0 ? (
          <ul className="space-y-3" aria-label="Archivos subiendo">
            {pending.map((p) => (
              <UploadProgress key={p.key} as="li" name={p.name} progress={p.progress} arrived="Revisando el PDF…" />
            ))}
          </ul>
        ) : null
      }
    >
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
                <UploadedFile file={f} removing={removing === f.id} onRemove={() => void onRemove(f)} />
                {fileExtra ? fileExtra(f) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </UploadField>
  );
}
