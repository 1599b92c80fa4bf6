import "server-only";
import { CENTRAL_ROLES } from "@/lib/auth/roles";
import type { AuthorizedSigner, Delegation, Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { appendAuditEvent, type TAuditEventInput } from "@/lib/audit/append-audit-event";

// What decides a staff account's authority: its roles, its DIDEDUC and whether it is active.
export type TAccountStanding = { roles: readonly Role[]; dideducId: string | null; active: boolean };

export type TEndedAuthority = {
  // The account's sessions were ended (User.sessionVersion incremented).
  sessionsEnded: boolean;
  delegationsRevoked: string[];
  signerEntriesEnded: string[];
};

const NOTHING: TEndedAuthority = { sessionsEnded: false, delegationsRevoked: [], signerEntriesEnded: [] };

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

// Why a registry entry bound to the account no longer stands after the change, or null when it does.
// Every entry needs an active account; a DIDEDUC's, that the account still signs for that DIDEDUC;
// the central office's, that the account still holds a central role. An Archive entry (signed
// records uploaded by citizens, no role in the app) ends only with the account.
function signerEntryEndReason(entry: Pick<AuthorizedSigner, "office" | "dideducId">, after: TAccountStanding): string | null {
  if (!after.active) return "La cuenta de la persona firmante fue desactivada.";
  if (entry.office === "DIDEDUC") {
    if (entry.dideducId !== after.dideducId) return "La cuenta de la persona firmante pasó a otra Dirección Departamental.";
    if (!after.roles.includes("DIDEDUC_SIGNER")) return "La cuenta de la persona firmante ya no tiene el rol de firma de la Dirección Departamental.";
  }
  if (entry.office === "CENTRAL" && !after.roles.some((r) => CENTRAL_ROLES.includes(r))) {
    return "La cuenta de la persona firmante ya no tiene un rol de Atención al Ciudadano.";
  }
  return null;
}

// Runs inside the transaction that changes a staff account's roles, DIDEDUC or active flag, so the
// change and its consequences commit together. A change of the post alone changes nothing here.
//
// - The account's sessions end (sessionVersion + 1): the person signs in again under the new standing.
// - Every delegation the account holds and that has not ended is revoked: it was granted to the
//   person as they were (their office, their roles), and is re-granted if still wanted.
// - Delegations the account granted are revoked when it can no longer stand behind them: it was
//   deactivated, moved to another DIDEDUC, or no longer holds DIDEDUC_SIGNER (only a DIDEDUC's
//   signer delegates, Nota 2/3).
// - Entries of the registry of authorized signers bound to the account end (revokedAt, revokedReason)
//   when no longer backed (signerEntryEndReason): from then on the certificate signs nothing for
//   that office; signatures made before stay valid, as with any revocation in the registry.
// Each revocation writes its own audit event, like one made by hand.
export async function endOutdatedAuthority(
  tx: Prisma.TransactionClient,
  args: { actorId: string; userId: string; before: TAccountStanding; after: TAccountStanding; now: Date; ip: string | null },
): Promise<TEndedAuthority> {
  const { actorId, userId, before, after, now, ip } = args;
  const officeChanged = before.dideducId !== after.dideducId;
  if (!officeChanged && before.active === after.active && sameRoles(before.roles, after.roles)) return NOTHING;

  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });

  const grantorLost = !after.active || officeChanged || !after.roles.includes("DIDEDUC_SIGNER");
  const open = { revokedAt: null, validTo: { gte: now } } satisfies Prisma.DelegationWhereInput;
  const delegations: Delegation[] = await tx.delegation.findMany({
    where: { ...open, OR: grantorLost ? [{ delegateId: userId }, { grantorId: userId }] : [{ delegateId: userId }] },
    orderBy: { createdAt: "asc" },
  });
  // Appended after the row changes: the chain's lock is then held only from the appends to the
  // commit, never while waiting on a delegation or signer row another transaction holds.
  const events: TAuditEventInput[] = [];
  const delegationsRevoked: string[] = [];
  for (const d of delegations) {
    // Conditional: a revocation made meanwhile by someone else is not recorded twice.
    const { count } = await tx.delegation.updateMany({ where: { id: d.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) continue;
    delegationsRevoked.push(d.id);
    const asDelegate = d.delegateId === userId;
    events.push({
      actorId,
      role: "ADMIN",
      action: "revoke_delegation",
      note: asDelegate
        ? "Revocada al cambiar la cuenta de la persona delegada (Dirección Departamental, roles o estado)."
        : "Revocada al cambiar la cuenta de quien la otorgó (Dirección Departamental, rol de firma o estado).",
      data: { dideducId: d.dideducId, delegateId: d.delegateId, grantorId: d.grantorId, cause: asDelegate ? "delegate_account_changed" : "grantor_account_changed", userId },
      ip,
      delegationId: d.id,
      createdAt: now,
    });
  }

  const entries = await tx.authorizedSigner.findMany({
    where: { userId, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
    orderBy: { createdAt: "asc" },
  });
  const signerEntriesEnded: string[] = [];
  for (const entry of entries) {
    const reason = signerEntryEndReason(entry, after);
    if (!reason) continue;
    const { count } = await tx.authorizedSigner.updateMany({
      where: { id: entry.id, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
      data: { revokedAt: now, revokedReason: reason },
    });
    if (count === 0) continue;
    signerEntriesEnded.push(entry.id);
    events.push({
      actorId,
      role: "ADMIN",
      action: "admin.revoke_signer",
      note: reason,
      data: { authorizedSignerId: entry.id, name: entry.name, office: entry.office, dideducId: entry.dideducId, fingerprint: entry.certFingerprint, cause: "account_changed", userId },
      ip,
      createdAt: now,
    });
  }
  for (const data of events) await appendAuditEvent(tx, { data });

  return { sessionsEnded: true, delegationsRevoked, signerEntriesEnded };
}
