import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure, Role } from "@/lib/generated/prisma/enums";
import { SEGMENT_ROLES, expandRoles } from "@/lib/auth/roles";
import type { TSessionUser } from "@/lib/auth/session-user";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { listActionableStates } from "@/lib/workflow/list-actionable-states";
import { PROCEDURES } from "@/lib/workflow/definitions";
import { normalizeCui } from "@/lib/identity/validate-cui";
import { DEFAULT_IDLE_MINUTES, isAssignmentIdle } from "./assignment/assignment-rule";
import { findIdleMinutes } from "./assignment/find-idle-minutes";
import { caseSearchTerms } from "./case-search-terms";
import { dbOf, type TDbOptions } from "./db-options";

// What a queue row reads of a case: the queue's page and the batch-signing review screen
// (findBatchSigningCases) read the same, as both are shown through toQueueRows and judged by the
// same batch-signing rule.
export const QUEUE_ROW_SELECT = {
  id: true,
  number: true,
  procedure: true,
  state: true,
  version: true,
  // Scope, for the batch-signing checkboxes (findSignableQueueRows) without a second read.
  applicantId: true,
  dideducId: true,
  reissueOfId: true,
  submittedAt: true,
  lastNote: true,
  formData: true,
  applicant: { select: { name: true } },
  dideduc: { select: { name: true } },
  // "En revisión por …": the page's holders in the same batched read, never one query per row.
  assignment: { select: { userId: true, takenAt: true, lastActivityAt: true, user: { select: { name: true } } } },
} satisfies Prisma.CaseSelect;

export type TQueueSegment = "dideduc" | "direccion" | "atencion";
export const QUEUE_SEGMENTS: readonly TQueueSegment[] = ["dideduc", "direccion", "atencion"];

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
// Counting stops here: an exact COUNT(*) over a million cases costs more than the page itself, and
// past this many rows a person narrows the filters rather than pages ("más de 10 000"). Pages end
// at the same row, so an offset never walks more than this many index entries.
export const QUEUE_COUNT_CAP = 10_000;
// A search by name counts (and pages) this far: more matches than this are narrowed by typing more.
export const SEARCH_COUNT_CAP = 200;
const CASE_NUMBER_START = /^[A-Za-z]{2}-\d/;
// Oldest submission first; the indexes of migration queue_indexes hold exactly this order.
const QUEUE_ORDER: Prisma.CaseOrderByWithRelationInput[] = [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }];
// Any part of a case number after its prefix: digits and dashes ("000009", "2026-0001", "6-000009").
// Letters with digits ("Qa3f9") stay a name search: prefixes are matched by CASE_NUMBER_START.
const CASE_NUMBER_PART = /^[\d-]*\d[\d-]*$/;
const CUI_DIGITS = /^\d{13}$/;

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
  // "Requiere mi acción": only the cases this person can take a step on now in this queue.
  mine?: boolean;
  // "Tomadas por mí": only the cases this person holds ("Tomar", decision 0023).
  takenByMe?: boolean;
  procedure?: Procedure;
  // The central queue's DIDEDUC filter (a DIDEDUC queue is always its own office's).
  dideducId?: string;
  // An applicant's CUI (13 digits, spaces allowed), any part of a case number (EE-2026-0001…,
  // "000009"), or a name: the applicant's or the student's.
  q?: string;
  // Only cases changed since then (the staff digest's "new since the last one"; a case entering a
  // state is a change, so this keeps every arrival and a few other changes that are filtered later).
  updatedSince?: Date;
  page?: number;
  pageSize?: number;
  db?: PrismaClient;
  // When delegations are judged (default: now).
  now?: Date;
};

// Whether the person works the queue of their DIDEDUC in `segment`: they hold the segment's role
// there, or act under an active delegation of that role from that same DIDEDUC. A delegation from
// an office the account has left opens no queue, neither the old office's nor the new one's.
async function worksOfficeQueue(db: PrismaClient, input: Pick<TListCaseQueueInput, "actor" | "segment">, now: Date): Promise<boolean> {
  const segmentRoles = SEGMENT_ROLES[input.segment];
  if (expandRoles(input.actor.roles ?? []).some((r) => segmentRoles.includes(r))) return true;
  const delegations = await findActiveDelegations(db, input.actor.id, now);
  return delegations.some((d) => segmentRoles.includes(d.role) && d.dideducId === input.actor.dideducId);
}

// The roles this queue is about: a person holding several works each one from its own queue.
function segmentActor(input: Pick<TListCaseQueueInput, "actor" | "segment">) {
  const segmentRoles = SEGMENT_ROLES[input.segment];
  const roles = expandRoles(input.actor.roles ?? []).filter((r) => segmentRoles.includes(r));
  return { id: input.actor.id, dideducId: input.actor.dideducId, roles };
}

// "Requiere mi acción" in one queue: per procedure, the states among `states` this person can take
// a step on now (listActionableStates with the segment's roles and delegations). Empty when the
// person does not work that office's queue. Also the staff digest's (lib/notifications).
export async function listQueueActionableStates(
  db: PrismaClient,
  input: Pick<TListCaseQueueInput, "actor" | "segment">,
  states: readonly CaseState[],
  now: Date,
): Promise<[Procedure, CaseState[]][]> {
  if (input.segment !== "atencion" && (!input.actor.dideducId || !(await worksOfficeQueue(db, input, now)))) return [];
  const segmentRoles = SEGMENT_ROLES[input.segment];
  const delegations = (await findActiveDelegations(db, input.actor.id, now)).filter((d) => segmentRoles.includes(d.role));
  return (Object.entries(listActionableStates(segmentActor(input), delegations, now)) as [Procedure, CaseState[]][])
    .map(([procedure, actionable]): [Procedure, CaseState[]] => [procedure, actionable.filter((s) => states.includes(s)).sort()])
    .filter(([, here]) => here.length > 0);
}

// "Requiere mi acción" as a filter: those (procedure, state) pairs, grouped by their state sets so
// the common case (one state for every procedure) is a plain equality on an index column.
async function actionableFilter(db: PrismaClient, input: TListCaseQueueInput, states: readonly CaseState[], now: Date) {
  const groups = new Map<string, { states: CaseState[]; procedures: Procedure[] }>();
  for (const [procedure, here] of await listQueueActionableStates(db, input, states, now)) {
    const key = here.join(",");
    const g = groups.get(key) ?? { states: here, procedures: [] };
    g.procedures.push(procedure);
    groups.set(key, g);
  }
  // The procedures left out, as a NOT IN: a filter on the rows the ordering index yields. An IN
  // list would tempt the planner to the (procedure, state, submittedAt) index and a sort of every
  // matching row (measured: 0.7 s for the central queue at a million cases).
  const clauses: Prisma.CaseWhereInput[] = [...groups.values()].map((g) => {
    const others = PROCEDURES.filter((p) => !g.procedures.includes(p));
    return others.length > 0 ? { state: { in: g.states }, procedure: { notIn: others } } : { state: { in: g.states } };
  });
  if (clauses.length === 0) return null;
  return clauses.length === 1 ? clauses[0] : { OR: clauses };
}

// The search box: a CUI finds the applicant's cases (unique index on User.cui); a case number's
// beginning is a range on its unique index, any other part of it a trigram match (pg_trgm); anything
// else is names, by whole words (any case or accents; applicant's or student's) on the GIN index
// of searchTerms. Null: nothing can match.
function searchFilter(q: string): Prisma.CaseWhereInput | null {
  const cui = normalizeCui(q);
  if (CUI_DIGITS.test(cui)) return { applicant: { cui } };
  if (CASE_NUMBER_START.test(q)) {
    // A range on the unique index (LIKE 'x%' only uses it under the C collation); startsWith
    // keeps the match exact.
    const prefix = q.toUpperCase();
    return { number: { gte: prefix, lt: nextPrefix(prefix), startsWith: prefix } };
  }
  if (CASE_NUMBER_PART.test(q)) return { number: { contains: q.toUpperCase() } };
  const words = caseSearchTerms(q);
  return words.length === 0 ? null : { searchTerms: { hasEvery: words } };
}

// An office's queue, oldest submission first, paginated. DIDEDUC segments only list the actor's
// DIDEDUC, and only to its staff holding the segment's role or delegated it by that DIDEDUC
// (otherwise, or with no DIDEDUC → empty). The count stops at QUEUE_COUNT_CAP (`capped`), and so
// do the pages. Each row carries `stageSince`: when the case entered its current state.
export async function listCaseQueue(input: TListCaseQueueInput, options: TDbOptions = {}) {
  const db = await dbOf(options, input);
  const now = input.now ?? new Date();
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? 20) || 20, 1), QUEUE_MAX_PAGE_SIZE);
  const allowed = queueStatesFor(input.segment, input.actor.roles);
  let states = input.states ? allowed.filter((s) => input.states!.includes(s)) : [...allowed];
  if (input.state) states = states.filter((s) => s === input.state);
  const empty = { rows: [] as TQueueRowData[], total: 0, capped: false, page: 1, pageCount: 1, pageSize };
  if (states.length === 0) return empty;

  const and: Prisma.CaseWhereInput[] = [];
  const where: Prisma.CaseWhereInput = { state: { in: states }, AND: and };
  if (input.segment !== "atencion") {
    if (!input.actor.dideducId) return empty;
    if (!(await worksOfficeQueue(db, input, now))) return empty;
    where.dideducId = input.actor.dideducId;
  } else if (input.dideducId) {
    where.dideducId = input.dideducId;
  }
  if (input.procedure) where.procedure = input.procedure;
  if (input.updatedSince) where.updatedAt = { gte: input.updatedSince };
  if (input.segment === "atencion" && !isCentralManager(input.actor.roles)) {
    if (input.procedure === MANAGER_ONLY_PROCEDURE) return empty;
    where.procedure = input.procedure ?? { not: MANAGER_ONLY_PROCEDURE };
  }
  if (input.mine) {
    const actionable = await actionableFilter(db, input, states, now);
    if (!actionable) return empty;
    and.push(actionable);
  }
  if (input.takenByMe) and.push({ assignment: { is: { userId: input.actor.id } } });
  const q = input.q?.trim().slice(0, 100);
  let nameSearch = false;
  if (q) {
    const search = searchFilter(q);
    if (!search) return empty;
    nameSearch = "searchTerms" in search;
    and.push(search);
  }
  // One row past the cap tells "exactly 10 000" from "more". Prisma orders a limited count's subquery
  // (by id unless told): by the queue's own order, it reads the first rows off the ordering index
  // (by id, it walked the primary key or sorted every match: 0.2–2 s at a million cases). A name
  // search is matched in the table (searchTerms), not in those indexes: its matches come unordered
  // off the GIN index, and at most SEARCH_COUNT_CAP of them are counted.
  const cap = nameSearch ? SEARCH_COUNT_CAP : QUEUE_COUNT_CAP;
  const counted = nameSearch
    ? (await db.case.findMany({ where, select: { id: true }, take: cap + 1 })).length
    : await db.case.count({ where, orderBy: QUEUE_ORDER, take: cap + 1 });
  const capped = counted > cap;
  const total = Math.min(counted, cap);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(input.page ?? 1) || 1, 1), pageCount);
  const skip = (page - 1) * pageSize;
  // The page's ids first: this query reads only indexed columns, so the rows skipped to reach a
  // deep page are index entries, not table rows (an index-only scan). Then the page's own rows.
  const pageIds = await db.case.findMany({
    where,
    orderBy: QUEUE_ORDER,
    skip,
    // The last page stops at the cap, as the count does.
    take: Math.min(pageSize, cap - skip),
    select: { id: true },
  });
  const byId = await db.case.findMany({
    where: { id: { in: pageIds.map((r) => r.id) } },
    select: QUEUE_ROW_SELECT,
  });
  const idleMinutes = byId.some((r) => r.assignment) ? await findIdleMinutes(db) : DEFAULT_IDLE_MINUTES;
  const rowOf = new Map(byId.map((r) => [r.id, r]));
  const found = pageIds.flatMap((r) => rowOf.get(r.id) ?? []);
  const since = await findStageEntries(db, found);
  const rows = found.map(({ assignment, ...r }) => ({
    ...r,
    stageSince: since.get(r.id) ?? r.submittedAt,
    holder: assignment
      ? { name: assignment.user.name, takenAt: assignment.takenAt, idle: isAssignmentIdle(assignment, idleMinutes, now), mine: assignment.userId === input.actor.id }
      : null,
  }));
  return { rows, total, capped, page, pageCount, pageSize };
}

// When each case entered the state it is in: the latest audit event of a transition into that
// state (transition() writes one with every state change). A page's cases only, on the
// (caseId, createdAt) index.
async function findStageEntries(db: PrismaClient, rows: readonly { id: string; state: CaseState }[]): Promise<Map<string, Date>> {
  if (rows.length === 0) return new Map();
  const stateOf = new Map(rows.map((r) => [r.id, r.state]));
  const events = await db.auditEvent.findMany({
    where: { caseId: { in: [...stateOf.keys()] }, toState: { not: null } },
    orderBy: [{ caseId: "asc" }, { createdAt: "desc" }],
    select: { caseId: true, toState: true, createdAt: true },
  });
  const out = new Map<string, Date>();
  const seen = new Set<string>();
  for (const e of events) {
    if (!e.caseId || seen.has(e.caseId)) continue;
    seen.add(e.caseId);
    if (e.toState === stateOf.get(e.caseId)) out.set(e.caseId, e.createdAt);
  }
  return out;
}

type TQueueRowData = {
  id: string;
  number: string;
  procedure: Procedure;
  state: CaseState;
  version: number;
  applicantId: string;
  dideducId: string | null;
  reissueOfId: string | null;
  submittedAt: Date | null;
  lastNote: string | null;
  formData: Prisma.JsonValue;
  applicant: { name: string };
  dideduc: { name: string } | null;
  stageSince: Date | null;
  // Who holds the case ("Tomar"), if anyone.
  holder?: { name: string; takenAt: Date; idle: boolean; mine: boolean } | null;
};

export type TCaseQueueRow = TQueueRowData;
