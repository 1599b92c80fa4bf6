import "server-only";
import { stringify } from "csv-stringify/sync";
import { getActor } from "@/lib/auth/get-actor";
import { log } from "@/lib/log";
import { requestIdFromHeaders } from "@/lib/request-context";
import { loadStatsTables, STATS_TABLE_IDS, type TStatsTable, type TStatsTableId } from "./load-stats-tables";
import { resolveStatsScope, type TStatsSegment } from "./resolve-stats-scope";
import { parseStatsFilter } from "./stats-filter";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" };

// One table as CSV (UTF-8 with BOM so spreadsheets read the accents), with the header row the page shows.
export function statsTableCsv(table: TStatsTable): string {
  return stringify(table.rows, { header: true, bom: true, columns: table.columns.map((c) => ({ key: c.key, header: c.header })) });
}

// The CSV route handlers of both dashboards: a route handler is not under its layout's check, so
// the role and the scope (a director: their DIDEDUC only) are checked here, as on the page.
export async function respondStatsCsv(request: Request, segment: TStatsSegment, tableId: string): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Ingrese para descargar las estadísticas.", { status: 401, headers: TEXT });
  const { filter } = parseStatsFilter(Object.fromEntries(new URL(request.url).searchParams));
  const scope = resolveStatsScope(actor, segment, filter);
  if (!scope.ok || !(STATS_TABLE_IDS as readonly string[]).includes(tableId)) return new Response("No encontrado.", { status: 404, headers: TEXT });
  try {
    const [table] = await loadStatsTables(scope.filter, scope.central, { only: tableId as TStatsTableId });
    if (!table) return new Response("No encontrado.", { status: 404, headers: TEXT });
    const name = `estadisticas-${table.id}-${scope.filter.period.desde}-a-${scope.filter.period.hasta}.csv`;
    return new Response(statsTableCsv(table), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const requestId = requestIdFromHeaders(request.headers);
    log.error("stats csv export failed", { requestId, actorId: actor.id, tableId, error });
    return new Response(`No se pudo generar el archivo. Inténtelo de nuevo en unos minutos; si el problema continúa, comunique a soporte este código: ${requestId}.`, { status: 500, headers: TEXT });
  }
}
