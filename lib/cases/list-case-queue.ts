import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure, Role } from "@/lib/generated/prisma/enums";
import { SEGMENT_ROLES, expandRoles } from "@/lib/auth/roles";
import type { TSessionUser } from "@/lib/auth/session-user";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { caseSearchTerms } from "./case-search-terms";
import { dbOf, type TDbOptions } from "./db-options";

export type TQueueSegment = "dideduc" | "direccion" | "atencion";

// What each office's queue lists when no state is picked: its work first, then what it has passed on.
// An issued certification stays listed after its anulación (REVOKED), where the Encargado finds it.
// A request its applicant withdrew (WITHDRAWN, «Retirada», issue #14) stays listed too, so the office
// sees why it left its work. Deleted drafts (DISCARDED) are never anyone's work.
export const QUEUE_STATES: Record<TQueueSegment, readonly CaseState[]> = {
  dideduc: ["DIDEDUC_REVIEW", "NEEDS_CORRECTION", "DIDEDUC_SIGNATURE", "CENTRAL_REVIEW", "REJECTED", "ISSUED", "REVOKED", "WITHDRAWN"],
  direccion: ["DIDEDUC_SIGNATURE", "DIDEDUC_REVIEW", "CENTRAL_REVIEW", "REJECTED", "ISSUED", "REVOKED", "WITHDRAWN"],
  atencion: ["CENTRAL_REVIEW", "MANAGER_REVIEW", "ISSUED", "REGISTERED", "REJECTED", "REVOKED", "WITHDRAWN"],
};

// Sworn translators' registrations (D.4) are the central manager's alone: their states, and the
// procedure itself, stay out of the assistants' and coordinators' queue.
const MANAGER_ONLY_STATES: readonly CaseState[] = ["MANAGER_REVIEW", "REGISTERED"];
const MANAGER_ONLY_PROCEDURE: Procedure = "TRANSLATOR_REGISTRATION";

function isCentralManager(roles: readonly Role[] | undefined): boolean {
  return expandRoles(roles ?? []).includes("CENTRAL_MANAGER");
}

// The states a person's queue of `segment` offers (the filter's options and the default list).
export function queueStatesFor(segment: TQueueSegment, roles: readonly Role[] | undefined): readonly CaseState[] {
  if (segment !== "atencion" || isCentralManager(roles)) return QUEUE_STATES[segment];
  return QUEUE_STATES[segment].filter((s) => !MANAGER_ONLY_STATES.includes(s));
}

export const QUEUE_MAX_PAGE_SIZE = 100;
const CASE_NUMBER_START = /^[A-Za-z]{2}-\d/;

// The smallest string above every string that starts with `prefix`.
function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
}

export type TListCaseQueueInput = {
  // Roles decide the central manager's own work (D.4); without them, none of it is listed.
  actor: Pick<TSessionUser, "id" | "dideducId"> & { roles?: readonly Role[] };
  segment: TQueueSegment;
  // Narrows the segment's states (a state outside them yields nothing, never another office's work).
  states?: readonly CaseState[];
  state?: CaseState;
  procedure?: Procedure;
  // A case number or its beginning (EE-2026-0001…), or a name: the applicant's or the student's.
  q?: string;
  page?: number;
  pageSize?: number;
  db?: PrismaClient;
  // When delegations are judged (default: now).
  now?: Date;
};

// Whether the person works the queue of their DIDEDUC in `segment`: they hold the segment's role
// there, or act under an active delegation of that role from that same DIDEDUC. A delegation from
// an office the account has left opens no queue, neither the old office's nor the new one's.
async function worksOfficeQueue(db: PrismaClient, input: TListCaseQueueInput, now: Date): Promise<boolean> {
  const segmentRoles = SEGMENT_ROLES[input.segment];
  if (expandRoles(input.actor.roles ?? []).some((r) => segmentRoles.includes(r))) return true;
  const delegations = await findActiveDelegations(db, input.actor.id, now);
  return delegations.some((d) => segmentRoles.includes(d.role) && d.dideducId === input.actor.dideducId);
}

// An office's queue, oldest submission first, paginated. DIDEDUC segments only list the actor's
// DIDEDUC, and only to its staff holding the segment's role or delegated it by that DIDEDUC
// (otherwise, or with no DIDEDUC → empty). A case number is matched by prefix on its unique index; names by
// whole words (any case or accents; applicant's or student's) on the GIN index of searchTerms.
export async function listCaseQueue(input: TListCaseQueueInput, options: TDbOptions = {}) {
  const db = await dbOf(options, input);
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? 20) || 20, 1), QUEUE_MAX_PAGE_SIZE);
  const allowed = queueStatesFor(input.segment, input.actor.roles);
  let states = input.states ? allowed.filter((s) => input.states!.includes(s)) : [...allowed];
  if (input.state) states = states.filter((s) => s === input.state);
  const empty = { rows: [], total: 0, page: 1, pageCount: 1, pageSize };
  if (states.length === 0) return empty;

  const where: Prisma.CaseWhereInput = { state: { in: states } };
  if (input.segment !== "atencion") {
    if (!input.actor.dideducId) return empty;
    if (!(await worksOfficeQueue(db, input, input.now ?? new Date()))) return empty;
    where.dideducId = input.actor.dideducId;
  }
  if (input.procedure) where.procedure = input.procedure;
  if (input.segment === "atencion" && !isCentralManager(input.actor.roles)) {
    if (input.procedure === MANAGER_ONLY_PROCEDURE) return empty;
    where.procedure = input.procedure ?? { not: MANAGER_ONLY_PROCEDURE };
  }
  const q = input.q?.trim().slice(0, 100);
  if (q) {
    if (CASE_NUMBER_START.test(q)) {
      // A range on the unique index (LIKE 'x%' only uses it under the C collation); startsWith
      // keeps the match exact.
      const prefix = q.toUpperCase();
      where.number = { gte: prefix, lt: nextPrefix(prefix), startsWith: prefix };
    } else {
      const words = caseSearchTerms(q);
      if (words.length === 0) return empty;
      where.searchTerms = { hasEvery: words };
    }
  }
  const total = await db.case.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(input.page ?? 1) || 1, 1), pageCount);
  const rows = await db.case.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      number: true,
      procedure: true,
      state: true,
      version: true,
      submittedAt: true,
      lastNote: true,
      formData: true,
      applicant: { select: { name: true } },
      dideduc: { select: { name: true } },
    },
  });
  return { rows, total, page, pageCount, pageSize };
}

export type TCaseQueueRow = Awaited<ReturnType<typeof listCaseQueue>>["rows"][number];
