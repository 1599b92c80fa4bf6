import "server-only";
import type { Case, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { checkTransition, type TAuthority, type TWorkflowActor } from "./check-transition";
import { findActiveDelegations } from "./find-active-delegation";
import type { TGuidance } from "./inputs";
import { markPlaceholderContact } from "./mark-placeholder-contact";
import { isTerminalState } from "./state-labels";
import { TransitionError } from "./transition-error";
import type { TTransitionDefinition } from "./types";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { ASSIGNMENT_ACTIONS } from "@/lib/cases/assignment/assignment-rule";
import { assertNotHeldByOther } from "@/lib/cases/assignment/check-case-assignment";

export type TTx = Prisma.TransactionClient;

// What an operation may add to the case in the same transaction (e.g. verificationCode). The
// state machine's own columns are not among them.
export type TCaseExtraUpdate = Omit<
  Prisma.CaseUncheckedUpdateManyInput,
  "id" | "state" | "version" | "procedure" | "applicantId" | "number" | "createdAt"
>;

export type TApplyContext = {
  transition: TTransitionDefinition;
  fromState: CaseState;
  toState: CaseState;
  input: Record<string, unknown>;
  authority: TAuthority;
  now: Date;
  // What is stored in Case.guidance by this transition (placeholder mark included), if anything.
  guidance?: TGuidance;
};

export type TTransitionOptions = {
  db?: PrismaClient;
  // Run inside this open transaction instead of a new one: a transition that must commit with
  // another operation's writes (a corrected re-issue revokes the case it replaces as it is issued).
  tx?: TTx;
  ip?: string | null;
  now?: Date;
  // Runs inside the transaction after the guarded update, so whatever it writes commits together
  // with the state change, or not at all when it throws.
  apply?: (tx: TTx, caseRow: Case, ctx: TApplyContext) => Promise<TCaseExtraUpdate | void>;
  // Extra facts for the audit event (e.g. the id of the signed document version). Read after `apply`
  // has run, so `apply` may add what it did (e.g. the document versions a return superseded).
  auditData?: Record<string, unknown>;
};

// Whether anyone but the applicant has an audit event on the case (decision 0020: a request may be
// withdrawn only before that). System events (no actor) do not count, nor "Tomar"/"Liberar"
// (decision 0023): who is reviewing is not a step on the request.
export async function hasStaffActed(db: TTx | PrismaClient, c: Pick<Case, "id" | "applicantId">): Promise<boolean> {
  const n = await db.auditEvent.count({
    where: { caseId: c.id, action: { notIn: Object.values(ASSIGNMENT_ACTIONS) }, AND: [{ actorId: { not: null } }, { actorId: { not: c.applicantId } }] },
  });
  return n > 0;
}

const PROTECTED_KEYS = ["id", "state", "version", "procedure", "applicantId", "number", "createdAt"] as const;

// Concurrent attempts on one case wait on its row lock, so they need more than Prisma's 2 s default.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

// THE only code that changes a case's state. One interactive transaction: load, check (role incl.
// expansion and delegation, scope, state, version, input), update where id, version and state still
// match, run `apply`, write the audit event. A refusal throws TransitionError and changes nothing.
//
// lastNote always holds the note of the latest transition (a rejection's or return's reason, or
// nothing): a resubmission clears the old reason, and every reason stays in the audit trail.
export async function transition(
  caseId: string,
  action: string,
  actor: TWorkflowActor,
  input: unknown,
  expectedVersion: number,
  options: TTransitionOptions = {},
): Promise<Case> {
  const now = options.now ?? new Date();

  const body = async (tx: TTx): Promise<Case> => {
    const row = await tx.case.findUnique({ where: { id: caseId } });
    if (!row) throw new TransitionError("NOT_FOUND");
    const delegations = await findActiveDelegations(tx, actor.id, now);
    const staffActed = await hasStaffActed(tx, row);

    const check = checkTransition({ caseLike: { ...row, staffActed }, action, actor, delegations, input, expectedVersion, now });
    if (!check.ok) throw check.error;
    const { transition: t, authority } = check;
    const { reason, ...rest } = check.input;
    const note = typeof reason === "string" ? reason : null;
    const declared: TGuidance | undefined = t.guidance?.(check.input as never);
    const guidance = declared ? await markPlaceholderContact(tx, declared) : undefined;

    const data: Prisma.CaseUncheckedUpdateManyInput = {
      state: t.to,
      version: { increment: 1 },
      lastNote: note,
    };
    if (guidance) data.guidance = guidance;
    if (row.state === "DRAFT" && row.submittedAt === null) data.submittedAt = now;
    if (t.to === "ISSUED") data.issuedAt = now;
    // An issued case is already closed: its revocation keeps the closing date.
    if (isTerminalState(t.to) && !isTerminalState(row.state)) data.closedAt = now;
    if (t.record) Object.assign(data, t.record(check.input as never, now));

    const { count } = await tx.case.updateMany({ where: { id: row.id, version: expectedVersion, state: row.state }, data });
    if (count === 0) throw new TransitionError("STALE_VERSION");

    // "Tomar" (decision 0023), checked holding the row lock the update just took, which takeCase
    // takes too: a staff step by anyone but the holder of an active assignment is refused (and the
    // update above rolled back); a step into another stage ends the assignment, whoever held it.
    let releasedAssignment: { userId: string } | null = null;
    if (t.scope !== "APPLICANT") await assertNotHeldByOther(tx, row.id, actor.id, now);
    if (t.to !== row.state) {
      const held = await tx.caseAssignment.findUnique({ where: { caseId: row.id }, select: { userId: true } });
      if (held) {
        await tx.caseAssignment.delete({ where: { caseId: row.id } });
        releasedAssignment = held;
      }
    }

    if (options.apply) {
      const extra = await options.apply(tx, row, { transition: t, fromState: row.state, toState: t.to, input: check.input, authority, now, guidance });
      if (extra && Object.keys(extra).length > 0) {
        const safe: Record<string, unknown> = { ...extra };
        for (const k of PROTECTED_KEYS) delete safe[k];
        await tx.case.update({ where: { id: row.id }, data: safe as Prisma.CaseUncheckedUpdateInput });
      }
    }

    const auditData: Record<string, unknown> = { version: expectedVersion + 1 };
    if (Object.keys(rest).length > 0) auditData.input = rest;
    if (guidance) auditData.guidance = guidance;
    if (authority.actingAs !== authority.role) auditData.actingAs = authority.actingAs;
    if (authority.delegation) {
      auditData.byDelegation = true;
      auditData.delegation = {
        id: authority.delegation.id,
        grantorId: authority.delegation.grantorId ?? null,
        role: authority.delegation.role,
        dideducId: authority.delegation.dideducId,
      };
    }
    if (releasedAssignment) auditData.releasedAssignment = releasedAssignment;
    Object.assign(auditData, options.auditData);

    // The stay this change ends began at the case's previous state change (docs/decisions/0024).
    const entered = await tx.auditEvent.findFirst({
      where: { caseId: row.id, toState: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { createdAt: true },
    });
    const updated = await tx.case.findUniqueOrThrow({ where: { id: row.id } });
    await appendAuditEvent(tx, {
      data: {
        caseId: row.id,
        actorId: actor.id,
        role: authority.role,
        action: t.action,
        fromState: row.state,
        toState: t.to,
        note,
        data: auditData as Prisma.InputJsonValue,
        ip: options.ip ?? null,
        delegationId: authority.delegation?.id ?? null,
        createdAt: now,
        stageEnteredAt: entered?.createdAt ?? null,
        procedure: updated.procedure,
        dideducId: updated.dideducId,
      },
    });

    return updated;
  };
  if (options.tx) return body(options.tx);
  // Imported lazily so tests, which pass their own client, never open the app's database.
  const db = options.db ?? (await import("@/lib/db")).db;
  return db.$transaction(body, TRANSACTION_OPTIONS);
}
