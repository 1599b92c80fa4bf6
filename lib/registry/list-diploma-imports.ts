import "server-only";
import { IMPORT_DIPLOMAS_ACTION } from "./import-diplomas-csv";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";

export type TDiplomaImportSummary = {
  auditEventId: string;
  at: Date;
  actorName: string | null;
  fileName: string | null;
  rows: number;
  created: number;
  unchanged: number;
  completed: number;
  rejected: number;
  failed: boolean;
  hasReport: boolean;
};

// The latest imports of the title registry, from the audit trail (newest first).
export async function listDiplomaImports(limit = 10, options: TRegistryOptions = {}): Promise<TDiplomaImportSummary[]> {
  const { db } = await resolveRegistryDeps(options);
  const events = await db.auditEvent.findMany({
    where: { action: IMPORT_DIPLOMAS_ACTION },
    orderBy: { id: "desc" },
    take: limit,
    include: { actor: { select: { name: true } } },
  });
  return events.map((e) => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    const n = (k: string) => (typeof d[k] === "number" ? (d[k] as number) : 0);
    return {
      auditEventId: e.id.toString(),
      at: e.createdAt,
      actorName: e.actor?.name ?? null,
      fileName: typeof d.fileName === "string" ? d.fileName : null,
      rows: n("rows"),
      created: n("created"),
      unchanged: n("unchanged"),
      completed: n("completed"),
      rejected: n("rejected"),
      failed: d.failed === true,
      hasReport: typeof d.reportKey === "string",
    };
  });
}
