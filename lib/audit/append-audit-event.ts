import "server-only";
import { Prisma, type AuditEvent, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure, Role } from "@/lib/generated/prisma/enums";
import { computeAuditHash, CURRENT_HASH_FORM, GENESIS_HASH } from "./audit-hash";
import { chainLegacyAuditEvents } from "./chain-legacy-audit-events";
import { lockAuditChain } from "./lock-audit-chain";

type TTx = Prisma.TransactionClient;

// What an operation records; the chain columns (id, prevHash, hash) are this function's.
export type TAuditEventInput = {
  caseId?: string | null;
  actorId?: string | null;
  role?: Role | null;
  action: string;
  fromState?: CaseState | null;
  toState?: CaseState | null;
  note?: string | null;
  data?: unknown;
  ip?: string | null;
  delegationId?: string | null;
  createdAt?: Date;
  // A state change's context (transition() writes it; docs/decisions/0024).
  stageEnteredAt?: Date | null;
  procedure?: Procedure | null;
  dideducId?: string | null;
};

// A transaction client has $transaction too (nested, as savepoints, which the PGlite adapter lacks);
// only the top-level client can $connect.
const isClient = (c: PrismaClient | TTx): c is PrismaClient => typeof (c as PrismaClient).$connect === "function";

// THE only code that writes an AuditEvent row (tests/unit/audit/audit-writes-funnel.test.ts fails on
// any other; the database refuses a row without its hashes). Same shape as Prisma's create.
//
// Inside the caller's transaction: take the chain's advisory lock (held until that transaction
// ends, so appends from every server instance on one PostgreSQL, or the embedded PGlite, queue
// here), read the hash of the latest event, take the next id, hash the event over its canonical
// form and insert it. A caller whose transaction rolls back leaves no link behind. Given a client
// instead of a transaction (a write that stands alone), it opens one.
//
// Callers should append as the last write of their transaction: the lock is held until commit.
export async function appendAuditEvent(client: PrismaClient | TTx, args: { data: TAuditEventInput }): Promise<AuditEvent> {
  if (isClient(client)) return client.$transaction((tx) => appendInTransaction(tx, args.data));
  return appendInTransaction(client, args.data);
}

async function appendInTransaction(tx: TTx, input: TAuditEventInput): Promise<AuditEvent> {
  await lockAuditChain(tx);
  const prevHash = await readChainHead(tx);
  const [{ id }] = await tx.$queryRaw<{ id: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id`;
  // Stored as jsonb, read back as JSON: hash exactly what a later read will see (dates become ISO
  // strings, undefined members disappear).
  const data = input.data === undefined || input.data === null ? null : (JSON.parse(JSON.stringify(input.data)) as Prisma.InputJsonValue);
  const row = {
    id: BigInt(id),
    caseId: input.caseId ?? null,
    actorId: input.actorId ?? null,
    role: input.role ?? null,
    action: input.action,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    note: input.note ?? null,
    ip: input.ip ?? null,
    delegationId: input.delegationId ?? null,
    // Set here, not by the column default, so the hash covers the time stored (timestamp(3): ms).
    createdAt: input.createdAt ?? new Date(),
    hashForm: CURRENT_HASH_FORM,
    stageEnteredAt: input.stageEnteredAt ?? null,
    procedure: input.procedure ?? null,
    dideducId: input.dideducId ?? null,
  };
  const hash = computeAuditHash({ ...row, prevHash, data });
  return tx.auditEvent.create({ data: { ...row, data: data ?? Prisma.DbNull, prevHash, hash } });
}

// The hash the next event links to: the latest chained event's (the genesis value on an empty
// table). Events from before the chain existed are chained first, once, under the same lock.
async function readChainHead(tx: TTx): Promise<string> {
  const [head] = await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "AuditEvent" WHERE "hash" IS NOT NULL ORDER BY "id" DESC LIMIT 1`;
  if (head) return head.hash;
  return (await chainLegacyAuditEvents(tx)) ?? GENESIS_HASH;
}
