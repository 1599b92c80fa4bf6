import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { expandRoles } from "@/lib/auth/roles";
import type { TSessionUser } from "@/lib/auth/session-user";

const CENTRAL: readonly Role[] = ["CENTRAL_ASSISTANT", "CENTRAL_COORDINATOR", "CENTRAL_MANAGER"];
const DIDEDUC: readonly Role[] = ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"];

export type TViewer = Pick<TSessionUser, "id" | "roles" | "dideducId"> & { delegatedRoles?: TSessionUser["delegatedRoles"] };

// Who may look at a case (acting on it is the workflow's decision): the applicant their own; the
// central office every DIDEDUC's submitted cases; DIDEDUC staff (or a delegate) only their own
// DIDEDUC's. Drafts are the applicant's alone.
//
// Access by delegation comes from `delegations` (findActiveDelegations: active, and of the office
// the account belongs to now), never from the session's `delegatedRoles`, which only open route
// segments: a delegation counts only when its office, the viewer's and the case's are one.
export function canSeeCase(
  actor: TViewer,
  c: { applicantId: string; dideducId: string | null; state: string; reissueOfId?: string | null },
  delegations: readonly { dideducId: string }[],
): boolean {
  if (c.applicantId === actor.id) return true;
  const roles = expandRoles(actor.roles);
  const central = roles.some((r) => CENTRAL.includes(r));
  if (c.state === "DRAFT") return central && Boolean(c.reissueOfId);
  if (central) return true;
  if (c.dideducId === null || actor.dideducId !== c.dideducId) return false;
  return roles.some((r) => DIDEDUC.includes(r)) || delegations.some((d) => d.dideducId === actor.dideducId);
}
