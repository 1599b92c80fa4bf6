import "server-only";
import type { Delegation, PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

type TClient = PrismaClient | Prisma.TransactionClient;

// Delegations the user may be acting under at `now`: not revoked, range not over, and granted by
// the office the account belongs to NOW (User.dideducId, read here rather than taken from the
// caller, so an actor built from an old token cannot bring back a moved account's delegations).
// An inactive account or one without an office holds none. The pure check re-tests each one
// against the actor (delegationGrantsAuthority), so a screen and transition() decide alike.
export async function findActiveDelegations(db: TClient, delegateId: string, now: Date = new Date()): Promise<Delegation[]> {
  const delegate = await db.user.findUnique({ where: { id: delegateId }, select: { dideducId: true, active: true } });
  if (!delegate?.active || !delegate.dideducId) return [];
  return db.delegation.findMany({
    where: { delegateId, dideducId: delegate.dideducId, revokedAt: null, validFrom: { lte: now }, validTo: { gte: now } },
    orderBy: { validFrom: "asc" },
  });
}

// The delegation that lets `delegateId` act as `role` in one DIDEDUC right now, if any: only while
// the account is active and still belongs to that DIDEDUC.
export async function findActiveDelegation(
  db: TClient,
  args: { delegateId: string; dideducId: string; role?: Role; now?: Date },
): Promise<Delegation | null> {
  const now = args.now ?? new Date();
  return db.delegation.findFirst({
    where: {
      delegateId: args.delegateId,
      dideducId: args.dideducId,
      delegate: { dideducId: args.dideducId, active: true },
      role: args.role ?? "DIDEDUC_REVIEWER",
      revokedAt: null,
      validFrom: { lte: now },
      validTo: { gte: now },
    },
    orderBy: { validFrom: "asc" },
  });
}
