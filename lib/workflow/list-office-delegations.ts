import "server-only";
import { DIDEDUC_SIGNER_WHO } from "@/lib/registry/dideduc-signer-posts";
import type { TWorkflowActor } from "./check-transition";
import type { TDelegationOptions } from "./create-delegation";
import { delegationStatus, type TDelegationStatus } from "./delegation-calendar";
import { DelegationError } from "./delegation-error";

// How many ended or revoked delegations the page shows: the history is in the audit trail.
const PAST_SHOWN = 50;

export type TOfficeDelegationRow = {
  id: string;
  status: TDelegationStatus;
  role: string;
  validFrom: Date;
  validTo: Date;
  note: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
  revokedBy: string | null;
  delegate: { id: string; name: string; post: string | null };
  grantor: { id: string; name: string };
};

export type TOfficeStaffOption = { id: string; name: string; post: string | null };

// The Director's view of their own office's delegations (current and upcoming first, then ended
// and revoked ones), and the staff they may delegate to: active accounts of the same DIDEDUC, not
// themselves, and not those who already review with their own role. Only the actor's DIDEDUC,
// whatever the caller asks: scope comes from the account, never from the request.
export async function listOfficeDelegations(actor: TWorkflowActor, options: Omit<TDelegationOptions, "ip"> = {}) {
  if (!actor.roles.includes("DIDEDUC_SIGNER") || !actor.dideducId) {
    throw new DelegationError("FORBIDDEN", `Solo ${DIDEDUC_SIGNER_WHO} ve sus delegaciones.`);
  }
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const dideducId = actor.dideducId;
  const [open, past, staff] = await Promise.all([
    db.delegation.findMany({
      where: { dideducId, revokedAt: null, validTo: { gte: now } },
      orderBy: [{ validFrom: "asc" }, { createdAt: "asc" }],
      include: INCLUDE,
    }),
    db.delegation.findMany({
      where: { dideducId, OR: [{ revokedAt: { not: null } }, { validTo: { lt: now } }] },
      orderBy: [{ validTo: "desc" }, { createdAt: "desc" }],
      take: PAST_SHOWN,
      include: INCLUDE,
    }),
    db.user.findMany({
      where: { dideducId, active: true, id: { not: actor.id }, NOT: { roles: { has: "DIDEDUC_REVIEWER" } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, post: true },
    }),
  ]);
  const toRow = (d: (typeof open)[number]): TOfficeDelegationRow => {
    const revocation = d.auditEvents[0];
    return {
      id: d.id,
      status: delegationStatus(d, now),
      role: d.role,
      validFrom: d.validFrom,
      validTo: d.validTo,
      note: d.note,
      createdAt: d.createdAt,
      revokedAt: d.revokedAt,
      revocationReason: d.revokedAt ? (revocation?.note ?? null) : null,
      revokedBy: d.revokedAt ? (revocation?.actor?.name ?? null) : null,
      delegate: d.delegate,
      grantor: d.grantor,
    };
  };
  return { current: open.map(toRow), past: past.map(toRow), staff: staff satisfies TOfficeStaffOption[], now };
}

const INCLUDE = {
  delegate: { select: { id: true, name: true, post: true } },
  grantor: { select: { id: true, name: true } },
  // The revocation's event: who ended it and why (the reason lives only there).
  auditEvents: {
    where: { action: "revoke_delegation" },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { note: true, actor: { select: { name: true } } },
  },
} as const;
