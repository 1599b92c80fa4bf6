import "server-only";
import type { Delegation, PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

type TClient = PrismaClient | Prisma.TransactionClient;

// Delegations the user may be acting under at `now` (not revoked, range not over). The pure
// check re-tests each one, so a screen and transition() decide alike.
export async function findActiveDelegations(db: TClient, delegateId: string, now: Date = new Date()): Promise<Delegation[]> {
  return db.delegation.findMany({
    where: { delegateId, revokedAt: null, validFrom: { lte: now }, validTo: { gte: now } },
    orderBy: { validFrom: "asc" },
  });
}

// The delegation that lets `delegateId` act as `role` in one DIDEDUC right now, if any.
export async function findActiveDelegation(
  db: TClient,
  args: { delegateId: string; dideducId: string; role?: Role; now?: Date },
): Promise<Delegation | null> {
  const now = args.now ?? new Date();
  return db.delegation.findFirst({
    where: {
      delegateId: args.delegateId,
      dideducId: args.dideducId,
      role: args.role ?? "DIDEDUC_REVIEWER",
      revokedAt: null,
      validFrom: { lte: now },
      validTo: { gte: now },
    },
    orderBy: { validFrom: "asc" },
  });
}
