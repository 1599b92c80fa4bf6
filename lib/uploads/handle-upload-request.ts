import "server-only";
import type { TActor } from "@/lib/auth/actor";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { requestIdFromHeaders } from "@/lib/request-context";
import { MAX_UPLOAD_BYTES } from "./limits";
import { drainBody } from "./receive-to-temp-file";
import { storeUpload, type TStoreUploadOptions } from "./store-upload";
import { isUploadError, UploadError } from "./upload-error";

export type TUploadResponseBody =
  | { ok: true; file: { id: string; name: string; sha256: string; size: number; pages: number } }
  | { ok: false; code: string; message: string; reason?: string };

// The HTTP side of an upload, apart from the session lookup so it can be tested with a real
// Request: the raw file is the body (never buffered whole), its name (URI-encoded), kind and
// optional case travel in headers. Custom headers also make a cross-site form post impossible
// without a CORS preflight, which this route never grants.
export async function handleUploadRequest(
  request: Request,
  actor: Pick<TActor, "id"> | null,
  options: TStoreUploadOptions = {},
): Promise<Response> {
  const headers = request.headers;
  const lengthHeader = headers.get("content-length");
  const declaredSize = lengthHeader && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : null;
  // Every answer waits for the upload to arrive (within the size limit), so the client reads it.
  const drain = () => drainBody(request.body, { limit: options.maxBytes ?? MAX_UPLOAD_BYTES, declaredSize });
  if (!actor) {
    await drain();
    return refusal(new UploadError("UNAUTHENTICATED"));
  }
  try {
    if (!request.body) throw new UploadError("EMPTY");
    const originalName = decodeHeader(headers.get("x-file-name"));

    const file = await storeUpload(
      actor,
      {
        body: request.body,
        originalName,
        // Checked against the FileKind enum by storeUpload's schema.
        kind: (headers.get("x-file-kind") ?? "") as FileKind,
        caseId: headers.get("x-case-id") || null,
        declaredSize,
      },
      options,
    );
    const body: TUploadResponseBody = {
      ok: true,
      file: { id: file.id, name: file.originalName, sha256: file.sha256, size: file.size, pages: file.pages },
    };
    return Response.json(body, { status: 201 });
  } catch (e) {
    await drain();
    if (isUploadError(e)) return refusal(e);
    // The request's own id (scripts/serve.mts wrote it in the request line): the code the person
    // quotes finds both lines. Ids only: never the file's name, which may carry a person's name.
    const requestId = requestIdFromHeaders(headers);
    log.error("upload failed", { requestId, actorId: actor.id, error: e });
    const body: TUploadResponseBody = {
      ok: false,
      code: "INTERNAL",
      message: `No se pudo guardar el archivo por un error del sistema. Inténtelo de nuevo en unos minutos (referencia ${requestId}).`,
    };
    return Response.json(body, { status: 500 });
  }
}

function refusal(e: UploadError): Response {
  const body: TUploadResponseBody = e.reason ? { ok: false, code: e.code, message: e.message, reason: e.reason } : { ok: false, code: e.code, message: e.message };
  return Response.json(body, { status: e.status });
}

function decodeHeader(value: string | null): string {
  if (!value) throw new UploadError("INVALID_INPUT", "Falta el nombre del archivo.");
  try {
    return decodeURIComponent(value);
  } catch {
    throw new UploadError("INVALID_INPUT", "El nombre del archivo no es válido. Cámbielo e inténtelo de nuevo.");
  }
}
