import "server-only";
import type { Case } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { closeShareLinks } from "@/lib/sharing/close-share-links";
import { transition, type TTx } from "@/lib/workflow/transition";

// The certification a corrected re-issue replaces, as the issuance mail names it.
export type TReplacedCase = { id: string; number: string; verificationCode: string | null; wasIssued: boolean };

// Called at every issuance (completeCaseSigning's sign_and_issue, for D.1.1/D.2.1 and for the
// central-only D.1.2/D.2.2/D.3, through recordCaseSignature) inside the issuing transaction's `apply`: when
// the case just issued is a corrected re-issue, the case it corrects stops being valid in the same
// commit, so there is never a moment with two valid certifications for one correction, nor a
// replacement issued while the old one still says "Emitido".
//
// - old case ISSUED → the internal "replace" transition (REVOKED, category REPLACED), by the
//   person who issued the re-issue, in the given transaction, and its open share links closed
//   (as the Encargado's revocation closes them);
// - old case already REVOKED (anulada by the Encargado before) → left as it is, with its own
//   category: the link to the new code comes from the relation (findVerification.replacedByCode).
//
// The old row is locked first, so a revocation arriving at the same moment waits for this commit
// and then finds the case REVOKED (STALE_VERSION/INVALID_STATE for it), instead of the issuance
// failing on a version read a moment too early.
export async function replaceReissuedCase(
  tx: TTx,
  issued: Pick<Case, "id" | "reissueOfId">,
  actor: TWorkflowActor,
  options: { now: Date; ip?: string | null },
): Promise<TReplacedCase | null> {
  if (!issued.reissueOfId) return null;
  await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${issued.reissueOfId} FOR UPDATE`;
  const old = await tx.case.findUniqueOrThrow({ where: { id: issued.reissueOfId } });
  const replaced: TReplacedCase = { id: old.id, number: old.number, verificationCode: old.verificationCode, wasIssued: old.state === "ISSUED" };
  if (old.state === "ISSUED") {
    await transition(old.id, "replace", actor, { replacementCaseId: issued.id }, old.version, { tx, now: options.now, ip: options.ip ?? null });
    await closeShareLinks(tx, old.id, options.now);
  }
  return replaced;
}
