import { Readable } from "node:stream";
import { parseAuditFilter } from "@/lib/audit/audit-filter";
import { streamAuditCsv } from "@/lib/audit/stream-audit-csv";
import { getActor } from "@/lib/auth/get-actor";
import { actorHasAnyRole } from "@/lib/auth/session-user";
import { log } from "@/lib/log";
import { requestIdFromHeaders } from "@/lib/request-context";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" };

// The audit trail as CSV, with the filters of /admin/auditoria; administrators only (checked here:
// a route handler is not under the admin layout's check).
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Ingrese para descargar la bitácora.", { status: 401, headers: TEXT });
  if (!actorHasAnyRole(actor, ["ADMIN"])) return new Response("No encontrado.", { status: 404, headers: TEXT });
  const parsed = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return new Response(`Filtro no válido: ${Object.values(parsed.fieldErrors).join(" ")}`, { status: 400, headers: TEXT });
  try {
    const day = new Date().toISOString().slice(0, 10);
    return new Response(Readable.toWeb(streamAuditCsv(parsed.filter)) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="bitacora-${day}.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const requestId = requestIdFromHeaders(request.headers);
    log.error("audit csv export failed", { requestId, actorId: actor.id, error });
    return new Response(`No se pudo generar el archivo. Inténtelo de nuevo en unos minutos; si el problema continúa, comunique a soporte este código: ${requestId}.`, { status: 500, headers: TEXT });
  }
}
