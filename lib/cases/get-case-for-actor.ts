import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Role } from "@/lib/generated/prisma/enums";
import type { TSessionUser } from "@/lib/auth/session-user";
import { availableActions } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import type { TGuidance } from "@/lib/workflow/inputs";
import { ASSIGNMENT_ACTION_SET } from "./assignment/assignment-rule";
import { canSeeCase, type TViewer } from "./can-see-case";
import { dbOf, type TDbOptions } from "./db-options";
import { describeCaseAction, type TCaseAction } from "./describe-case-action";
import { findRequestedDocuments } from "./find-requested-documents";

export type TCaseTimelineEvent = {
  id: string;
  action: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  note: string | null;
  createdAt: Date;
  role: Role | null;
  // Null for the applicant's own events seen by the applicant ("Usted") and for staff names the
  // citizen does not see (the role says which office acted).
  actorName: string | null;
  byApplicant: boolean;
  delegated: boolean;
};

// The whole case as one person may see it, or null when it does not exist or is out of their scope
// (pages answer notFound() alike, so a guessed id reveals nothing). `actions` are the transitions
// this person may take now, straight from the workflow definition, ready to render as buttons.
export async function getCaseForActor(
  input: { actor: TViewer; caseId: string; now?: Date; db?: PrismaClient },
  options: TDbOptions = {},
) {
  const db = await dbOf(options, input);
  const now = input.now ?? new Date();
  const { actor } = input;
  const c = await db.case.findUnique({
    where: { id: input.caseId },
    include: {
      applicant: { select: { id: true, name: true, email: true } },
      dideduc: { select: { id: true, name: true, code: true, address: true, phone: true, email: true } },
      files: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, originalName: true, pages: true, size: true, sha256: true, createdAt: true },
      },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, stage: true, sha256: true, size: true, createdAt: true } },
      signatures: {
        orderBy: { signedAt: "asc" },
        select: { id: true, role: true, certSubject: true, certFingerprint: true, signedAt: true, documentVersionId: true, signer: { select: { name: true } } },
      },
      sheets: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, data: true, createdAt: true } },
      auditEvents: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
    },
  });
  if (!c) return null;
  // A deleted draft is gone for everyone (decision 0020); the row stays only for the audit trail.
  if (c.state === "DISCARDED") return null;
  const delegations = c.applicantId === actor.id ? [] : await findActiveDelegations(db, actor.id, now);
  if (!canSeeCase(actor, c, delegations)) return null;

  const isApplicantView = c.applicantId === actor.id;
  // Withdrawal is offered only while no one but the applicant has acted (the guard transition() checks again).
  const staffActed = c.auditEvents.some((e) => e.actorId !== null && e.actorId !== c.applicantId && !ASSIGNMENT_ACTION_SET.has(e.action));
  const actions: TCaseAction[] = availableActions(getDefinition(c.procedure), { ...c, staffActed }, actor, delegations, now).map(describeCaseAction);
  const { applicant, dideduc, files, documents, signatures, sheets, auditEvents, ...row } = c;
  return {
    // The staff's internal note of an anulación never reaches the applicant's screens.
    case: isApplicantView ? { ...row, revokedReason: null } : row,
    applicant,
    dideduc,
    files,
    documents,
    signatures: signatures.map(({ signer, ...s }) => ({ ...s, signerName: signer.name })),
    sheet: sheets[0] ?? null,
    // "Tomar"/"Liberar" say which staff member was reviewing: internal, never on the applicant's timeline.
    events: (isApplicantView ? auditEvents.filter((e) => !ASSIGNMENT_ACTION_SET.has(e.action)) : auditEvents).map(
      (e): TCaseTimelineEvent => {
        const byApplicant = e.actorId === c.applicantId;
        return {
          // String: a bigint cannot cross to client components.
          id: String(e.id),
          action: e.action,
          fromState: e.fromState,
          toState: e.toState,
          note: e.note,
          createdAt: e.createdAt,
          role: e.role,
          actorName: isApplicantView ? null : (e.actor?.name ?? null),
          byApplicant,
          delegated: e.delegationId !== null,
        };
      },
    ),
    lastNote: row.lastNote,
    guidance: (row.guidance ?? null) as TGuidance | null,
    verificationCode: row.verificationCode,
    isApplicantView,
    actions,
    // Started after a rejection requesting documents: which ones it must carry, and where they come from.
    requestedDocuments: row.parentCaseId ? await findRequestedDocuments(db, row.id) : null,
  };
}

export type TCaseView = NonNullable<Awaited<ReturnType<typeof getCaseForActor>>>;
