import "server-only";
import { getRequestContext } from "@/lib/request-context";
import { log } from "@/lib/log";
import { toUserFacingError } from "@/lib/errors";
import { notFoundResponse } from "./pdf-response";

const TEXT_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

// Refusal codes that must not tell an outsider whether the case or file exists.
const HIDDEN_CODES = new Set(["NOT_FOUND", "OUT_OF_SCOPE", "FORBIDDEN_ROLE", "FORBIDDEN"]);

export function signedOutResponse(): Response {
  return new Response("Ingrese para ver este documento.", { status: 401, headers: TEXT_HEADERS });
}

// Runs a download handler: a known refusal becomes 404 (scope) or 409 (state, with its Spanish
// message); anything else is logged with the request id and answered with a generic 500.
export async function respondSafely(name: string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    const known = toUserFacingError(e);
    if (known) {
      if (HIDDEN_CODES.has(known.code)) return notFoundResponse();
      return new Response(known.message, { status: 409, headers: TEXT_HEADERS });
    }
    const { requestId } = await getRequestContext();
    log.error("download failed", { requestId, route: name, error: e });
    return new Response(`No se pudo obtener el documento. Si el problema continúa, comunique a soporte este código: ${requestId}.`, {
      status: 500,
      headers: TEXT_HEADERS,
    });
  }
}
