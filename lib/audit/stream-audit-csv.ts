import "server-only";
import { once } from "node:events";
import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { auditActionLabel } from "./audit-actions";
import type { TAuditFilter } from "./audit-filter";
import { iterateAuditEvents, type TAuditRow } from "./list-audit-events";

// A spreadsheet opens a very large file badly and a request should end: the export is bounded, and
// says so in its last line when the filter matched more (narrow the dates and export again).
export const AUDIT_CSV_LIMIT = 100_000;

const COLUMNS = [
  { key: "id", header: "evento" },
  { key: "fecha", header: "fecha (UTC)" },
  { key: "accion", header: "acción" },
  { key: "codigo", header: "código de acción" },
  { key: "autor", header: "autor" },
  { key: "correo", header: "correo del autor" },
  { key: "rol", header: "rol" },
  { key: "caso", header: "caso" },
  { key: "estadoAnterior", header: "estado anterior" },
  { key: "estadoNuevo", header: "estado nuevo" },
  { key: "nota", header: "nota" },
  { key: "ip", header: "IP" },
  { key: "datos", header: "datos" },
  { key: "hashAnterior", header: "hash anterior" },
  { key: "hash", header: "hash" },
];

function record(r: TAuditRow) {
  return {
    id: r.id,
    fecha: r.createdAt.toISOString(),
    accion: auditActionLabel(r.action),
    codigo: r.action,
    autor: r.actor?.name ?? "",
    correo: r.actor?.email ?? "",
    rol: r.role ?? "",
    caso: r.case?.number ?? "",
    estadoAnterior: r.fromState ? STATE_LABELS[r.fromState] : "",
    estadoNuevo: r.toState ? STATE_LABELS[r.toState] : "",
    nota: r.note ?? "",
    ip: r.ip ?? "",
    datos: r.data === null || r.data === undefined ? "" : JSON.stringify(r.data),
    hashAnterior: r.prevHash ?? "",
    hash: r.hash ?? "",
  };
}

// The filtered events as CSV (UTF-8 with BOM so spreadsheets read the accents), newest first,
// streamed in batches: memory stays flat whatever the size.
export function streamAuditCsv(f: TAuditFilter, options: { db?: PrismaClient; limit?: number } = {}): Readable {
  const limit = options.limit ?? AUDIT_CSV_LIMIT;
  const out = stringify({ header: true, bom: true, columns: COLUMNS });
  void (async () => {
    try {
      let n = 0;
      for await (const row of iterateAuditEvents(f, { db: options.db, limit: limit + 1 })) {
        if (++n > limit) {
          out.write({ id: "", fecha: "", accion: `Exportación limitada a ${limit} eventos: acote las fechas para obtener el resto.` });
          break;
        }
        if (!out.write(record(row))) await once(out, "drain");
      }
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
