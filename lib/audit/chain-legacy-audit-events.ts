import "server-only";
import type { AuditEvent, Prisma } from "@/lib/generated/prisma/client";
import { computeAuditHash, GENESIS_HASH } from "./audit-hash";

const BATCH = 1000;

// Events written before the chain existed (the migration audit_hash_chain adds the columns empty)
// are chained in id order by the first append or `npm run audit:verify` after the upgrade, whichever
// comes first (docs/decisions/0019). Only while no event is chained yet: once the chain has begun,
// an unchained row is a row written around appendAuditEvent, and verification reports it instead.
// The caller holds the chain's lock. Returns the new head, or null when the table is empty.
export async function chainLegacyAuditEvents(tx: Prisma.TransactionClient): Promise<string | null> {
  const [chained] = await tx.$queryRaw<{ id: bigint }[]>`SELECT "id" FROM "AuditEvent" WHERE "hash" IS NOT NULL LIMIT 1`;
  if (chained) return null;
  let prevHash = GENESIS_HASH;
  let after: bigint | null = null;
  let any = false;
  for (;;) {
    const rows: AuditEvent[] = await tx.auditEvent.findMany({
      where: after === null ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    any = true;
    const ids: bigint[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const r of rows) {
      const hash = computeAuditHash({ ...r, prevHash });
      ids.push(r.id);
      prevs.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    await tx.$executeRaw`UPDATE "AuditEvent" AS a SET "prevHash" = v.p, "hash" = v.h FROM unnest(${ids}::bigint[], ${prevs}::text[], ${hashes}::text[]) AS v(id, p, h) WHERE a."id" = v.id`;
    after = rows[rows.length - 1].id;
  }
  return any ? prevHash : null;
}
