import { Readable } from "node:stream";
import { getActor } from "@/lib/auth/get-actor";
import { actorHasAnyRole } from "@/lib/auth/session-user";
import { log } from "@/lib/log";
import { requestIdFromHeaders } from "@/lib/request-context";
import { readImportReport } from "@/lib/registry/read-import-report";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" };

// The CSV report of the rows an import rejected (by the import's audit event id); administrators only.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Ingrese para descargar el informe.", { status: 401, headers: TEXT });
  if (!actorHasAnyRole(actor, ["ADMIN"])) return new Response("No encontrado.", { status: 404, headers: TEXT });
  const { id } = await params;
  try {
    const report = await readImportReport(id);
    if (!report) return new Response("No encontrado.", { status: 404, headers: TEXT });
    return new Response(Readable.toWeb(report.stream) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${report.fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const requestId = requestIdFromHeaders(request.headers);
    log.error("import report download failed", { requestId, actorId: actor.id, id, error });
    return new Response(`No se pudo obtener el informe. Inténtelo de nuevo en unos minutos; si el problema continúa, comunique a soporte este código: ${requestId}.`, { status: 500, headers: TEXT });
  }
}
