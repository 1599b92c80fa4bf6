import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TSessionUser } from "./session-user";
import { requiresSecondFactor } from "./totp/requires-second-factor";

// What the session token says about itself, checked against the account (see getActor).
export type TSessionCheck = { sessionVersion: number; secondFactor: boolean };

// The signed-in person as the database has them now: null when the account is gone or was
// deactivated, so such a change takes effect on the next request, not when the token expires.
// With `session` (every request, through getActor) also null when the token was issued under an
// older session version (sign-out, password, roles, office or active flag changed since), or when
// the account must use a second factor and this session did not pass one.
export async function findSessionUser(
  where: { id: string } | { email: string },
  options: { db?: PrismaClient; now?: Date; session?: TSessionCheck } = {},
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
      sessionVersion: true,
      delegationsHeld: {
        where: { revokedAt: null, validFrom: { lte: now }, validTo: { gte: now } },
        select: { role: true, dideducId: true },
      },
    },
  });
  if (!user || !user.active) return null;
  // Only delegations of the office the account belongs to now: one granted by an office the
  // person has left opens nothing (lib/workflow/README.md, "Delegations").
  const delegatedRoles = [...new Set(user.delegationsHeld.filter((d) => user.dideducId !== null && d.dideducId === user.dideducId).map((d) => d.role))].filter(
    (r) => !user.roles.includes(r),
  );
  if (options.session) {
    if (options.session.sessionVersion !== user.sessionVersion) return null;
    if (!options.session.secondFactor && requiresSecondFactor(user.roles, delegatedRoles)) return null;
  }
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles,
    dideducId: user.dideducId,
    delegatedRoles,
  };
}
