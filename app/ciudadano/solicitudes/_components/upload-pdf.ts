import { MAX_UPLOAD_BYTES } from "@/lib/uploads/limits";

// One PDF to POST /api/uploads (app/api/uploads/route.ts): the raw file as the body, its name
// URI-encoded in x-file-name, kind and case in headers. XMLHttpRequest, because fetch() gives no
// upload progress.

export type TUploadedFile = { id: string; name: string; sha256: string; size: number; pages: number };

export type TUploadOutcome =
  | { ok: true; file: TUploadedFile }
  | { ok: false; code: string; message: string };

const NETWORK_MESSAGE =
  "No se pudo enviar el archivo: se perdió la conexión con el servidor. Revise su conexión a internet e inténtelo de nuevo.";
const UNEXPECTED_MESSAGE = "No se pudo guardar el archivo. Inténtelo de nuevo en unos minutos.";

export function uploadPdf(
  file: File,
  options: { caseId: string; kind?: string; onProgress?: (fraction: number) => void; signal?: AbortSignal },
): Promise<TUploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("content-type", "application/pdf");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("x-file-kind", options.kind ?? "SCAN");
    xhr.setRequestHeader("x-case-id", options.caseId);
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      const parsed = body as { ok?: boolean; file?: TUploadedFile; code?: string; message?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300 && parsed?.ok && parsed.file) {
        options.onProgress?.(1);
        resolve({ ok: true, file: parsed.file });
      } else if (parsed && parsed.ok === false && typeof parsed.message === "string") {
        resolve({ ok: false, code: parsed.code ?? "REFUSED", message: parsed.message });
      } else if (xhr.status === 413) {
        // A proxy in front may refuse before the app answers.
        resolve({ ok: false, code: "TOO_LARGE", message: "El archivo es demasiado grande para enviarlo." });
      } else {
        resolve({ ok: false, code: "UNEXPECTED", message: UNEXPECTED_MESSAGE });
      }
    };
    xhr.onerror = () => resolve({ ok: false, code: "NETWORK", message: NETWORK_MESSAGE });
    xhr.onabort = () => resolve({ ok: false, code: "ABORTED", message: "Se canceló la carga del archivo." });
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

// The request could not be saved (ensureCase gave no id): nothing to attach the file to.
export function uploadPdfToCase(
  file: File,
  caseId: string | null,
  options: { kind?: string; onProgress?: (fraction: number) => void },
): Promise<TUploadOutcome> {
  if (!caseId) {
    return Promise.resolve({
      ok: false,
      code: "NO_CASE",
      message: "No se pudo guardar la solicitud para adjuntar el archivo. Revise su conexión e inténtelo de nuevo.",
    });
  }
  return uploadPdf(file, { ...options, caseId });
}

// What the browser can refuse before sending a byte (the server parses every file anyway), in the
// words of the upload field (`messages`); null when the file may be sent.
export function localPdfRefusal(file: File, messages: Readonly<Record<"NOT_PDF" | "EMPTY" | "TOO_LARGE", string>>): string | null {
  const looksPdf = file.type === "application/pdf" || file.name.toLowerCase().endsWith(".pdf");
  if (!looksPdf) return messages.NOT_PDF;
  if (file.size === 0) return messages.EMPTY;
  if (file.size > MAX_UPLOAD_BYTES) return messages.TOO_LARGE;
  return null;
}
