import "server-only";
import type { Readable } from "node:stream";
import { IMPORT_DIPLOMAS_ACTION } from "./import-diplomas-csv";
import { resolveRegistryDeps, resolveRegistryStorage, type TRegistryOptions } from "./registry-options";

// The report of rejected rows of one import (by its AuditEvent id), for the administrator's
// download; null when the event is not an import or had no rejected rows.
export async function readImportReport(auditEventId: string, options: TRegistryOptions = {}): Promise<{ stream: Readable; fileName: string } | null> {
  if (!/^\d{1,18}$/.test(auditEventId)) return null;
  const { db } = await resolveRegistryDeps(options);
  const event = await db.auditEvent.findUnique({ where: { id: BigInt(auditEventId) } });
  if (!event || event.action !== IMPORT_DIPLOMAS_ACTION) return null;
  const data = (event.data ?? {}) as { reportKey?: unknown };
  if (typeof data.reportKey !== "string") return null;
  const storage = await resolveRegistryStorage(options);
  const stream = await storage.getStream(data.reportKey);
  const day = event.createdAt.toISOString().slice(0, 10);
  return { stream, fileName: `filas-rechazadas-${day}-${auditEventId}.csv` };
}
