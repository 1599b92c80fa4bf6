import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TSessionUser } from "./session-user";

// The signed-in person as the database has them now: null when the account is gone or was
// deactivated, so such a change takes effect on the next request, not when the token expires.
export async function findSessionUser(
  where: { id: string } | { email: string },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<TSessionUser | null> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const user = await db.user.findUnique({
    where,
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      dideducId: true,
      active: true,
      delegationsHeld: {
        where: { revokedAt: null, validFrom: { lte: now }, validTo: { gte: now } },
        select: { role: true, dideducId: true },
      },
    },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles,
    dideducId: user.dideducId,
    // Only delegations of the office the account belongs to now: one granted by an office the
    // person has left opens nothing (lib/workflow/README.md, "Delegations").
    delegatedRoles: [...new Set(user.delegationsHeld.filter((d) => user.dideducId !== null && d.dideducId === user.dideducId).map((d) => d.role))].filter(
      (r) => !user.roles.includes(r),
    ),
  };
}
