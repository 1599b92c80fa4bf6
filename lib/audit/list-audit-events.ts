import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Role } from "@/lib/generated/prisma/enums";
import type { TAuditFilter } from "./audit-filter";
import { guatemalaDayStart } from "./audit-filter";

export type TAuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  role: Role | null;
  actor: { id: string; name: string; email: string } | null;
  case: { id: string; number: string } | null;
  fromState: CaseState | null;
  toState: CaseState | null;
  note: string | null;
  data: unknown;
  ip: string | null;
  delegationId: string | null;
  prevHash: string | null;
  hash: string | null;
};

export type TAuditPage = { rows: TAuditRow[]; newerCursor: string | null; olderCursor: string | null };

// Matching people or cases resolved first, bounded: a filter text that names more than this is
// too vague to be the one an auditor means, and keeps the event query on its indexes.
const MATCH_LIMIT = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

const include = { actor: { select: { id: true, name: true, email: true } }, case: { select: { id: true, number: true } } } as const;

async function usersMatching(db: PrismaClient, text: string): Promise<string[]> {
  const where: Prisma.UserWhereInput = text.includes("@") ? { email: { equals: text, mode: "insensitive" } } : { name: { contains: text, mode: "insensitive" } };
  return (await db.user.findMany({ where, select: { id: true }, take: MATCH_LIMIT })).map((u) => u.id);
}

// The event query for a filter (without the page cursor). Null: a filter matched no one / no case.
export async function auditWhere(db: PrismaClient, f: TAuditFilter): Promise<Prisma.AuditEventWhereInput | null> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.desde) and.push({ createdAt: { gte: guatemalaDayStart(f.desde) } });
  if (f.hasta) and.push({ createdAt: { lt: new Date(guatemalaDayStart(f.hasta).getTime() + DAY_MS) } });
  if (f.accion) and.push({ action: f.accion });
  if (f.autor) {
    const ids = await usersMatching(db, f.autor);
    if (ids.length === 0) return null;
    and.push({ actorId: { in: ids } });
  }
  if (f.cuenta) {
    const ids = await usersMatching(db, f.cuenta);
    if (ids.length === 0) return null;
    // Account, role, sign-in and password events name the account as data.userId; delegations
    // name their delegate and grantor.
    and.push({
      OR: ids.flatMap((id) => [
        { data: { path: ["userId"], equals: id } },
        { data: { path: ["delegateId"], equals: id } },
        { data: { path: ["grantorId"], equals: id } },
      ]),
    });
  }
  if (f.caso) {
    const text = f.caso.toUpperCase();
    const exact = await db.case.findUnique({ where: { number: text }, select: { id: true } });
    const ids = exact ? [exact.id] : (await db.case.findMany({ where: { number: { contains: text } }, select: { id: true }, take: MATCH_LIMIT })).map((c) => c.id);
    if (ids.length === 0) return null;
    and.push({ caseId: { in: ids } });
  }
  return and.length ? { AND: and } : {};
}

type TEventWithNames = Prisma.AuditEventGetPayload<{ include: typeof include }>;

function toRow(e: TEventWithNames): TAuditRow {
  return {
    id: e.id.toString(),
    createdAt: e.createdAt,
    action: e.action,
    role: e.role,
    actor: e.actor,
    case: e.case,
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
    data: e.data,
    ip: e.ip,
    delegationId: e.delegationId,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

// One page, newest first (by id: the order events were appended in), keyset on the id so a deep
// page costs what the first one does. `antes` pages to older events, `despues` back to newer.
export async function listAuditEvents(f: TAuditFilter, options: { db?: PrismaClient; pageSize?: number } = {}): Promise<TAuditPage> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const pageSize = options.pageSize ?? 50;
  const where = await auditWhere(db, f);
  if (!where) return { rows: [], newerCursor: null, olderCursor: null };
  const backwards = !f.antes && !!f.despues;
  const cursor: Prisma.AuditEventWhereInput = f.antes ? { id: { lt: BigInt(f.antes) } } : f.despues ? { id: { gt: BigInt(f.despues) } } : {};
  const found = await db.auditEvent.findMany({
    where: { AND: [where, cursor] },
    orderBy: { id: backwards ? "asc" : "desc" },
    take: pageSize + 1,
    include,
  });
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (backwards) page.reverse();
  const rows = page.map(toRow);
  const first = rows[0]?.id ?? null;
  const last = rows.at(-1)?.id ?? null;
  return {
    rows,
    // Newer exists when we came from a cursor going older, or went newer and found more.
    newerCursor: first && (f.antes || (backwards && more)) ? first : null,
    olderCursor: last && (backwards || more) ? last : null,
  };
}

// For the CSV: every matching event, newest first, in batches (bounded by `limit`).
export async function* iterateAuditEvents(f: TAuditFilter, options: { db?: PrismaClient; batchSize?: number; limit: number }): AsyncGenerator<TAuditRow> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const where = await auditWhere(db, { ...f, antes: undefined, despues: undefined });
  if (!where) return;
  let before: bigint | null = null;
  let sent = 0;
  while (sent < options.limit) {
    const take: number = Math.min(options.batchSize ?? 1000, options.limit - sent);
    const batch: TEventWithNames[] = await db.auditEvent.findMany({ where: { AND: [where, before === null ? {} : { id: { lt: before } }] }, orderBy: { id: "desc" }, take, include });
    for (const e of batch) yield toRow(e);
    sent += batch.length;
    if (batch.length < take) return;
    before = batch[batch.length - 1].id;
  }
}
