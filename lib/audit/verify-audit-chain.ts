import "server-only";
import type { AuditEvent, PrismaClient } from "@/lib/generated/prisma/client";
import { computeAuditHash, GENESIS_HASH } from "./audit-hash";
import { chainLegacyAuditEvents } from "./chain-legacy-audit-events";
import { lockAuditChain } from "./lock-audit-chain";

// How a link is broken:
// - "unchained": the row has no hashes (written around appendAuditEvent, with the check dropped);
// - "link": its prevHash is not the hash of the event before it (an event was deleted or inserted
//   before this one, or the one before was rewritten together with its hash);
// - "content": its columns no longer give its hash (it was edited after it was written);
// - "derived": an event of hash form 1 whose state-change context (stageEnteredAt, procedure,
//   dideducId: filled in by the migration that added them, not covered by form 1's hash) is not
//   what the events and the case give again.
export type TAuditChainBreak = {
  id: string;
  createdAt: Date;
  kind: "unchained" | "link" | "content" | "derived";
  // Spanish, for the operator who runs the check.
  message: string;
  expected: string | null;
  found: string | null;
};

export type TAuditChainReport = {
  checked: number;
  legacyChained: boolean;
  head: { id: string; hash: string; createdAt: Date } | null;
  firstBreak: TAuditChainBreak | null;
};

const BATCH = 2000;

// Recomputes the whole chain in id order (the order appends took the lock in) and stops at the first
// broken link. Events from before the chain are chained first, as the first append would.
// Not detectable by the chain alone: events removed from its end; keep the printed head (id and hash)
// to compare with the next run's (docs/decisions/0019).
export async function verifyAuditChain(db: PrismaClient, options: { batchSize?: number } = {}): Promise<TAuditChainReport> {
  const legacyHead = await db.$transaction(
    async (tx) => {
      await lockAuditChain(tx);
      return chainLegacyAuditEvents(tx);
    },
    { maxWait: 60_000, timeout: 60 * 60_000 },
  );

  const batchSize = options.batchSize ?? BATCH;
  let expectedPrev = GENESIS_HASH;
  let previousId: bigint | null = null;
  let after: bigint | null = null;
  let checked = 0;
  let head: TAuditChainReport["head"] = null;
  for (;;) {
    const rows: AuditEvent[] = await db.auditEvent.findMany({ where: after === null ? {} : { id: { gt: after } }, orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) break;
    for (const row of rows) {
      const at = { id: row.id.toString(), createdAt: row.createdAt };
      if (row.hash === null || row.prevHash === null) {
        return report({ ...at, kind: "unchained", message: `El evento #${row.id} no tiene hash: se escribió sin pasar por la bitácora encadenada.`, expected: expectedPrev, found: null });
      }
      if (row.prevHash !== expectedPrev) {
        const before = previousId === null ? "el comienzo de la cadena" : `el hash del evento anterior (#${previousId})`;
        return report({
          ...at,
          kind: "link",
          message: `El evento #${row.id} no enlaza con ${before}: se borró o se insertó un evento antes de él, o se reescribió el anterior.`,
          expected: expectedPrev,
          found: row.prevHash,
        });
      }
      const recomputed = computeAuditHash({ ...row, prevHash: row.prevHash });
      if (recomputed !== row.hash) {
        return report({
          ...at,
          kind: "content",
          message: `El contenido del evento #${row.id} ya no corresponde a su hash: se modificó después de escribirse (datos, autor, fecha u otra columna).`,
          expected: row.hash,
          found: recomputed,
        });
      }
      expectedPrev = row.hash;
      previousId = row.id;
      head = { id: row.id.toString(), hash: row.hash, createdAt: row.createdAt };
      checked++;
    }
    after = rows[rows.length - 1].id;
  }
  const derived = await findWrongDerivedContext(db);
  if (derived) {
    return report({
      id: derived.id.toString(),
      createdAt: derived.createdAt,
      kind: "derived",
      message: `El contexto del cambio de estado #${derived.id} (inicio de la etapa, trámite o Dirección Departamental) no coincide con la bitácora y el expediente: se modificó después de la migración que lo completó.`,
      expected: null,
      found: null,
    });
  }
  return report(null);

  function report(firstBreak: TAuditChainBreak | null): TAuditChainReport {
    return { checked, legacyChained: legacyHead !== null, head, firstBreak };
  }
}

// The first form-1 event whose state-change context differs from what the migration
// audit_event_stay_columns derived (the previous state event's time, the case's procedure and
// DIDEDUC), or that has one without being a state change. Form-2 events are covered by their hash.
async function findWrongDerivedContext(db: PrismaClient): Promise<{ id: bigint; createdAt: Date } | null> {
  const [row] = await db.$queryRaw<{ id: bigint; createdAt: Date }[]>`
    SELECT id, "createdAt" FROM (
      SELECT t.id, t."createdAt", t."hashForm", t."fromState", t."stageEnteredAt", t."procedure", t."dideducId",
        lag(t."createdAt") OVER (PARTITION BY t."caseId" ORDER BY t."createdAt", t.id) AS entered,
        c."procedure" AS "caseProcedure", c."dideducId" AS "caseDideducId"
      FROM "AuditEvent" t LEFT JOIN "Case" c ON c.id = t."caseId"
      WHERE t."toState" IS NOT NULL AND t."caseId" IS NOT NULL
    ) d
    WHERE d."hashForm" = 1 AND d."fromState" IS NOT NULL AND (d."stageEnteredAt" IS DISTINCT FROM d.entered
      OR d."procedure" IS DISTINCT FROM d."caseProcedure" OR d."dideducId" IS DISTINCT FROM d."caseDideducId")
    UNION ALL
    SELECT id, "createdAt" FROM "AuditEvent"
    WHERE "hashForm" = 1 AND ("toState" IS NULL OR "caseId" IS NULL OR "fromState" IS NULL)
      AND ("stageEnteredAt" IS NOT NULL OR "procedure" IS NOT NULL OR "dideducId" IS NOT NULL)
    ORDER BY id LIMIT 1`;
  return row ?? null;
}
