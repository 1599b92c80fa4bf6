"use client";

import { useRef, useState } from "react";
import { ARCHIVE_RECORD_FILE_KIND } from "@/lib/cases/forms/graduation-record-form";
import { MAX_UPLOAD_MB } from "@/lib/uploads/limits";
import type { TListedFile } from "./file-uploads";
import { fieldId } from "./form-state";
import { UploadedFile, UploadField, UploadProgress } from "./upload-field";
import { localPdfRefusal, uploadPdfToCase } from "./upload-pdf";

type TRefusal = { name: string; message: string; code: string | null };

// The browser's checks (localPdfRefusal), said for the Archivo's PDF: it is sent as received, never scanned.
const LOCAL_REFUSALS = {
  NOT_PDF: "El archivo no es un PDF. Adjunte el PDF que le envió el Archivo Documental, tal como lo recibió.",
  EMPTY: "El archivo está vacío (0 bytes). Elija de nuevo el PDF que le envió el Archivo Documental.",
  TOO_LARGE: `El archivo supera el máximo de ${MAX_UPLOAD_MB} MB.`,
} as const;

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

  async function onChoose(list: FileList | null) {
    const chosen = list?.[0];
    if (inputRef.current) inputRef.current.value = "";
    if (!chosen) return;
    setRefusal(null);
    const local = localPdfRefusal(chosen, LOCAL_REFUSALS);
    if (local) {
      setRefusal({ name: chosen.name, message: local, code: null });
      return;
    }
    onBusyChange(true);
    setPending({ name: chosen.name, progress: 0 });
    setAnnouncement(`Subiendo ${chosen.name} y comprobando la firma del Archivo.`);
    try {
      const caseId = await ensureCase();
      const outcome = await uploadPdfToCase(chosen, caseId, {
        kind: ARCHIVE_RECORD_FILE_KIND,
        onProgress: (fraction) => setPending({ name: chosen.name, progress: Math.round(fraction * 100) }),
      });
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
    <UploadField
      inputId={inputId}
      legend="Expediente firmado por el Archivo Documental"
      hint={
        <>
          <p>
            Adjunte el PDF del expediente de graduación tal como se lo envió por correo el Archivo Documental del Ministerio de
            Educación. Ese PDF lleva la firma electrónica del Archivo: no lo imprima, no lo escanee, no lo abra y guarde con otro
            programa, porque la firma dejaría de ser válida.
          </p>
          <p className="text-sm text-slate-700">Un solo archivo PDF, de hasta {MAX_UPLOAD_MB} MB. Al subirlo comprobamos la firma en ese momento.</p>
        </>
      }
      errors={errors}
      picker={
        file
          ? null
          : { inputRef, text: "Adjuntar el PDF firmado del Archivo", blocked: pending ? "busy" : null, onChoose: (list) => void onChoose(list) }
      }
      announcement={announcement}
      refusal={
        refusal
          ? {
              describesInput: true,
              code: refusal.code ?? undefined,
              onClose: () => setRefusal(null),
              children: (
                <>
                  <p className="font-semibold">{refusal.name} no se adjuntó.</p>
                  <p>{refusal.message}</p>
                </>
              ),
            }
          : null
      }
      progress={
        pending ? <UploadProgress as="div" name={pending.name} progress={pending.progress} arrived="Comprobando la firma del Archivo Documental…" /> : null
      }
    >
      {file ? (
        <UploadedFile
          file={file}
          removing={removing}
          onRemove={() => void onRemove(file)}
          className="rounded-md border border-green-700 bg-green-50 p-3"
          data-testid="uploaded-files"
          data-file-name={file.name}
          details={
            <p className="text-sm font-semibold text-green-900">
              <span aria-hidden="true">✔ </span>Firma del Archivo Documental comprobada.
            </p>
          }
        />
      ) : null}
    </UploadField>
  );
}
