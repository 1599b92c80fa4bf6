import "server-only";
import type { Delegation } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { expandRoles } from "@/lib/auth/roles";
import { accessRolesOf, type TSessionUser } from "@/lib/auth/session-user";

const CENTRAL: readonly Role[] = ["CENTRAL_ASSISTANT", "CENTRAL_COORDINATOR", "CENTRAL_MANAGER"];
const DIDEDUC: readonly Role[] = ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"];

// Who may look at a case (not act on it: the workflow decides that): the central office sees every
// DIDEDUC's cases; DIDEDUC staff (or a delegate) only their own DIDEDUC's; the applicant their own.
// Drafts are the applicant's alone.
export function canSeeCase(
  actor: Pick<TSessionUser, "id" | "roles" | "delegatedRoles" | "dideducId">,
  c: { applicantId: string; dideducId: string | null; state: string },
  delegations: readonly Pick<Delegation, "dideducId">[],
): boolean {
  if (c.applicantId === actor.id) return true;
  if (c.state === "DRAFT") return false;
  const roles = expandRoles(accessRolesOf(actor));
  if (roles.some((r) => CENTRAL.includes(r))) return true;
  if (c.dideducId === null || actor.dideducId !== c.dideducId) return false;
  return roles.some((r) => DIDEDUC.includes(r)) || delegations.some((d) => d.dideducId === c.dideducId);
}
