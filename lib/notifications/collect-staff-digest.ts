import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure, Role } from "@/lib/generated/prisma/enums";
import { SEGMENT_LABELS, SEGMENT_ROLES, expandRoles } from "@/lib/auth/roles";
import { QUEUE_SEGMENTS, listCaseQueue, type TQueueSegment } from "@/lib/cases/list-case-queue";
import { appUrl } from "@/lib/http/app-url";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { STATE_LABELS } from "@/lib/workflow/state-labels";

// A digest names this many cases per queue; the rest are counted ("y 35 más") and are one click
// away in the queue. Reading stops a little further, where the count says "o más".
export const DIGEST_LIST_LIMIT = 20;
const DIGEST_READ_LIMIT = 500;
const PAGE_SIZE = 100;

export type TDigestCase = {
  id: string;
  number: string;
  procedureLabel: string;
  stateLabel: string;
  // When the case reached the state in which it waits for this person.
  since: Date;
  // It had been in this state before: returned to the office or corrected by the applicant.
  cameBack: boolean;
  url: string;
};

export type TDigestSection = {
  segment: TQueueSegment;
  label: string;
  queueUrl: string;
  cases: TDigestCase[];
  // How many arrived in all (at least DIGEST_READ_LIMIT when `more`).
  total: number;
  more: boolean;
};

export type TDigestActor = { id: string; dideducId: string | null; roles: readonly Role[] };

// What a person's digest reports: per queue they work, the cases that arrived or came back to
// them (they can act on them now, "Requiere mi acción") since `since`. Their own queues decide it,
// with their roles, office and delegations as the screens see them.
export async function collectStaffDigest(db: PrismaClient, actor: TDigestActor, options: { since: Date; now: Date }): Promise<TDigestSection[]> {
  const roles = expandRoles(actor.roles);
  const sections: TDigestSection[] = [];
  for (const segment of QUEUE_SEGMENTS) {
    const worksByRole = SEGMENT_ROLES[segment].some((r) => roles.includes(r));
    // A delegate works a queue without its role: listCaseQueue checks delegations for DIDEDUC
    // segments, so those are asked for anyone with an office.
    if (!worksByRole && (segment === "atencion" || !actor.dideducId)) continue;
    const arrived: { id: string; number: string; procedure: Procedure; state: CaseState; since: Date }[] = [];
    let read = 0;
    for (let page = 1; read < DIGEST_READ_LIMIT; page++) {
      const result = await listCaseQueue(
        { actor: { id: actor.id, dideducId: actor.dideducId, roles: actor.roles }, segment, mine: true, updatedSince: options.since, page, pageSize: PAGE_SIZE, now: options.now },
        { db },
      );
      for (const r of result.rows) {
        if (r.stageSince && r.stageSince > options.since) arrived.push({ id: r.id, number: r.number, procedure: r.procedure, state: r.state, since: r.stageSince });
      }
      read += result.rows.length;
      if (result.page >= result.pageCount || result.rows.length === 0) break;
    }
    if (arrived.length === 0) continue;
    const cameBack = await findReturningCases(db, arrived);
    // Newest arrivals first: the digest is about what is new.
    arrived.sort((a, b) => b.since.getTime() - a.since.getTime());
    sections.push({
      segment,
      label: SEGMENT_LABELS[segment],
      queueUrl: appUrl(`/${segment}`),
      cases: arrived.slice(0, DIGEST_LIST_LIMIT).map((c) => ({
        id: c.id,
        number: c.number,
        procedureLabel: PROCEDURE_LABELS[c.procedure],
        stateLabel: STATE_LABELS[c.state],
        since: c.since,
        cameBack: cameBack.has(c.id),
        url: appUrl(`/${segment}/casos/${encodeURIComponent(c.id)}`),
      })),
      total: arrived.length,
      more: read >= DIGEST_READ_LIMIT,
    });
  }
  return sections;
}

// The cases that had entered their current state before this time too: they came back.
async function findReturningCases(db: PrismaClient, rows: readonly { id: string; state: CaseState; since: Date }[]): Promise<Set<string>> {
  const earlier = await db.auditEvent.findMany({
    where: { OR: rows.map((r) => ({ caseId: r.id, toState: r.state, createdAt: { lt: r.since } })) },
    select: { caseId: true },
    distinct: ["caseId"],
  });
  return new Set(earlier.flatMap((e) => (e.caseId ? [e.caseId] : [])));
}
