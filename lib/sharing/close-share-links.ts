import "server-only";
import type { TTx } from "@/lib/workflow/transition";

// A revoked certification is never served outside the staff, whatever link someone holds: every
// revocation (the Encargado's `revoke`, and `replace` when a corrected re-issue is issued) closes the
// case's links still open, in the revoking transaction, so the holder's list says so too.
export async function closeShareLinks(tx: TTx, caseId: string, now: Date): Promise<void> {
  await tx.shareLink.updateMany({ where: { caseId, revokedAt: null }, data: { revokedAt: now } });
}
