import "server-only";
import { dbOf, type TDataOptions } from "./data-options";
import type { TSessionUser } from "@/lib/auth/session-user";
import { availableActions } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { canSeeCase } from "./staff-scope";

// The whole case for a staff view, or null when it does not exist or is out of this person's scope
// (pages answer notFound() alike). `actions` are the transitions this person may take now.
export async function getCaseForActor({ actor, caseId }: { actor: TSessionUser; caseId: string }, options: TDataOptions = {}) {
  const db = await dbOf(options);
  const now = new Date();
  const c = await db.case.findUnique({
    where: { id: caseId },
    include: {
      applicant: { select: { id: true, name: true, email: true } },
      dideduc: { select: { id: true, name: true } },
      files: { orderBy: { createdAt: "asc" }, select: { id: true, originalName: true, pages: true, size: true, sha256: true, createdAt: true } },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, stage: true, sha256: true, createdAt: true } },
      signatures: { orderBy: { signedAt: "asc" }, select: { id: true, role: true, certSubject: true, certFingerprint: true, signedAt: true } },
      auditEvents: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
    },
  });
  if (!c) return null;
  const delegations = await findActiveDelegations(db, actor.id, now);
  if (!canSeeCase(actor, c, delegations)) return null;
  const actions = availableActions(getDefinition(c.procedure), c, actor, delegations, now);
  return {
    case: c,
    applicant: c.applicant,
    dideduc: c.dideduc,
    files: c.files,
    documents: c.documents,
    signatures: c.signatures,
    events: c.auditEvents.map((e) => ({
      id: e.id,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      note: e.note,
      createdAt: e.createdAt,
      role: e.role,
      actorName: e.actor?.name ?? null,
      delegated: e.delegationId !== null,
    })),
    actions,
  };
}

export type TCaseView = NonNullable<Awaited<ReturnType<typeof getCaseForActor>>>;
