import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { REQUESTABLE_DOCUMENT_LABELS, type TGuidance } from "@/lib/workflow/inputs";
import { transition, type TApplyContext, type TTx } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { supersedeSignedVersions } from "./signing/supersede-signed-versions";
import { dbOf, type TDbOptions } from "./db-options";
import { deliverNotification } from "./deliver-notification";
import { notifyApplicant, type TNotifyEvent } from "./notify-applicant";

// Operations with their own domain function (validation, documents, signatures) never go through here.
// "revoke" has its own operation (revoke-certification.ts: the holder's mail, the share links);
// "replace" is internal, taken only inside a corrected re-issue's issuance; "discard_draft" is
// deleteDraftCase (clears the draft and releases its files). "withdraw" (the applicant's) is plain.
export const NOT_PLAIN_ACTIONS: ReadonlySet<string> = new Set(["submit", "resubmit", "generate_certification", "sign", "sign_and_issue", "accept", "revoke", "replace", "discard_draft"]);

export type TPerformCaseActionInput = {
  actor: TWorkflowActor;
  caseId: string;
  action: string;
  input: unknown;
  expectedVersion: number;
  ip: string | null;
  now?: Date;
  db?: PrismaClient;
};

// What the applicant is told when a plain transition lands in `to` (returns between offices are internal).
function eventFor(action: string, to: CaseState, reason: string, guidance: TGuidance | undefined): TNotifyEvent | null {
  if (to === "NEEDS_CORRECTION") return { type: "correction_requested", reason };
  if (to === "REJECTED") {
    return {
      type: "rejected",
      reason,
      guidance: guidance?.contact ?? null,
      requestedDocuments: guidance?.kind === "REQUEST_DOCUMENTS" ? guidance.documents.map((d) => REQUESTABLE_DOCUMENT_LABELS[d]) : null,
    };
  }
  void action;
  return null;
}

// What a plain transition changes besides the case, in its transaction; what it returns goes into
// the audit event's data. return_to_signer: the DIDEDUC's signed version no longer counts, the sheet's
// unsigned version is to be signed again (supersede-signed-versions.ts).
const EFFECTS: Record<string, (tx: TTx, caseId: string, ctx: TApplyContext) => Promise<Record<string, unknown>>> = {
  return_to_signer: (tx, caseId, ctx) => supersedeSignedVersions(tx, caseId, ctx.now),
};

// A plain staff transition (request correction, reject with guidance, return, reject definitively)
// and the applicant's mail it calls for, written to the outbox in the same transaction and
// delivered after the commit: the decision and the record of the notice stand or fall together.
export async function performCaseAction(input: TPerformCaseActionInput, options: TDbOptions = {}): Promise<{ version: number; state: CaseState }> {
  if (NOT_PLAIN_ACTIONS.has(input.action)) throw new TransitionError("INVALID_STATE", "Esta acción se realiza con su propio formulario.");
  const db = await dbOf(options, input);
  let outboxId: string | null = null;
  // Filled by the effect inside the transaction; transition() reads it when it writes the audit event.
  const auditData: Record<string, unknown> = {};
  const updated = await transition(input.caseId, input.action, input.actor, input.input, input.expectedVersion, {
    db,
    ip: input.ip,
    now: input.now,
    auditData,
    apply: async (tx, caseRow, ctx) => {
      const effect = EFFECTS[ctx.transition.action];
      if (effect) Object.assign(auditData, await effect(tx, caseRow.id, ctx));
      const reason = typeof ctx.input.reason === "string" ? ctx.input.reason : "";
      // The guidance as stored (with its placeholder mark), not recomputed from the input.
      const guidance = ctx.guidance;
      const event = eventFor(ctx.transition.action, ctx.toState, reason, guidance);
      if (event) outboxId = await notifyApplicant(tx, caseRow, event, { now: ctx.now });
    },
  });
  await deliverNotification(db, outboxId);
  return { version: updated.version, state: updated.state };
}
