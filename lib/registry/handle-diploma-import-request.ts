import "server-only";
import type { TSessionUser } from "@/lib/auth/session-user";
import { actorHasAnyRole } from "@/lib/auth/session-user";
import { isDomainError, type TFieldErrors } from "@/lib/errors";
import { log } from "@/lib/log";
import { clientIpFromHeaders, requestIdFromHeaders } from "@/lib/request-context";
import { DIPLOMA_CSV_MESSAGES, isDiplomaCsvName, MAX_DIPLOMA_CSV_BYTES } from "./check-diploma-csv-file";
import { importDiplomasCsv, type TImportDiplomasResult } from "./import-diplomas-csv";
import type { TRegistryOptions } from "./registry-options";

// `fieldErrors.file`, when the refusal is about the file itself (its name, size or contents): the
// form shows it next to the file field, as the server actions' results do; the other refusals
// (session, role, a system error) are the form's alone.
export type TDiplomaImportResponseBody =
  | { ok: true; result: Omit<TImportDiplomasResult, "reportKey"> & { reportUrl: string | null } }
  | { ok: false; code: string; message: string; fieldErrors?: TFieldErrors };

// The form's summary line above a file refusal; the refusal itself is next to the field.
const CHECK_THE_FILE = "Revise el archivo elegido.";

const reply = (status: number, body: TDiplomaImportResponseBody) => Response.json(body, { status });

// The HTTP side of the title registry import: the raw CSV is the request body, streamed into
// importDiplomasCsv (never read whole), its name URI-encoded in x-file-name. The custom header
// also keeps a cross-site form from posting here without a CORS preflight, which is never granted.
// The route lives under a path the proxy does not match, so the body is not cut at 10 MB: the
// role check happens here.
export async function handleDiplomaImportRequest(request: Request, actor: TSessionUser | null, options: TRegistryOptions = {}): Promise<Response> {
  const refuse = async (status: number, code: string, message: string, fieldErrors?: TFieldErrors) => {
    await request.body?.cancel().catch(() => undefined);
    return reply(status, { ok: false, code, message, ...(fieldErrors ? { fieldErrors } : {}) });
  };
  const refuseFile = (status: number, code: string, fileMessage: string) => refuse(status, code, CHECK_THE_FILE, { file: [fileMessage] });
  if (!actor) return refuse(401, "UNAUTHENTICATED", "Su sesión terminó. Ingrese de nuevo para continuar.");
  if (!actorHasAnyRole(actor, ["ADMIN"])) return refuse(403, "FORBIDDEN", "Su usuario no tiene permiso para importar el registro de títulos.");
  const rawName = request.headers.get("x-file-name");
  if (!rawName || !request.body) return refuseFile(400, "INVALID_INPUT", DIPLOMA_CSV_MESSAGES.missing);
  let fileName: string;
  try {
    fileName = decodeURIComponent(rawName).slice(0, 200);
  } catch {
    return refuseFile(400, "INVALID_INPUT", "El nombre del archivo no es válido. Cámbielo e inténtelo de nuevo.");
  }
  if (!isDiplomaCsvName(fileName)) return refuseFile(415, "NOT_CSV", DIPLOMA_CSV_MESSAGES.notCsv);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_DIPLOMA_CSV_BYTES) return refuseFile(413, "TOO_LARGE", DIPLOMA_CSV_MESSAGES.tooLarge);

  let received = 0;
  async function* limited(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
      if (received > MAX_DIPLOMA_CSV_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new TooLarge();
      }
      yield value;
    }
  }

  try {
    const result = await importDiplomasCsv(limited(request.body), { ...options, actor, fileName, ip: clientIpFromHeaders(request.headers) });
    const { reportKey, ...rest } = result;
    return reply(200, { ok: true, result: { ...rest, reportUrl: reportKey ? `/admin/titulos/informe/${result.auditEventId}` : null } });
  } catch (e) {
    if (e instanceof TooLarge) return reply(413, { ok: false, code: "TOO_LARGE", message: CHECK_THE_FILE, fieldErrors: { file: [DIPLOMA_CSV_MESSAGES.tooLarge] } });
    // The import's own refusals (CSV_EMPTY, CSV_HEADER) carry their `file` field error already.
    if (isDomainError(e)) return reply(422, { ok: false, code: e.code, message: e.message, ...(Object.keys(e.fieldErrors).length > 0 ? { fieldErrors: e.fieldErrors } : {}) });
    const requestId = requestIdFromHeaders(request.headers);
    log.error("diploma import failed", { requestId, actorId: actor.id, error: e });
    return reply(500, { ok: false, code: "INTERNAL", message: `No se pudo importar el archivo por un error del sistema. Las filas ya guardadas quedan; vuelva a importarlo para completar (referencia ${requestId}).` });
  }
}

class TooLarge extends Error {}
