import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import type { TRevokeInput } from "@/lib/workflow/inputs";
import { closeShareLinks } from "@/lib/sharing/close-share-links";
import { transition } from "@/lib/workflow/transition";
import { dbOf, type TDbOptions } from "./db-options";
import { deliverNotification } from "./deliver-notification";
import { notifyApplicant } from "./notify-applicant";

export type TRevokeCertificationInput = {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  // Checked by the workflow's ZRevokeInput (category, internal note, case number typed again).
  input: unknown;
  ip: string | null;
  now?: Date;
};

export type TRevokeCertificationResult = { version: number; state: CaseState; revokedAt: Date };

// Anulación of an issued certification (ISSUED → REVOKED): the workflow's `revoke` transition
// checks the role (Encargado or coordinator), the state, the version and the input, and records
// revokedAt, the category and the internal note. In the same transaction:
// - the holder's mail goes to the outbox (category and date, never the internal note);
// - the holder's share links still open are closed: a revoked document is never served to anyone
//   outside the staff, whatever link they hold.
// Everything commits together or not at all; the mail is delivered after the commit.
export async function revokeCertification(input: TRevokeCertificationInput, options: TDbOptions = {}): Promise<TRevokeCertificationResult> {
  const db: PrismaClient = await dbOf(options);
  let outboxId: string | null = null;
  const updated = await transition(input.caseId, "revoke", input.actor, input.input, input.expectedVersion, {
    db,
    ip: input.ip,
    now: input.now,
    apply: async (tx, caseRow, ctx) => {
      const { category } = ctx.input as TRevokeInput;
      await closeShareLinks(tx, caseRow.id, ctx.now);
      if (caseRow.verificationCode) {
        outboxId = await notifyApplicant(tx, caseRow, { type: "revoked", verificationCode: caseRow.verificationCode, category, revokedAt: ctx.now }, { now: ctx.now });
      }
    },
  });
  await deliverNotification(db, outboxId);
  return { version: updated.version, state: updated.state, revokedAt: updated.revokedAt! };
}
