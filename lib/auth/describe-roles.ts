import { ROLE_LABELS } from "./roles";
import type { TSessionUser } from "./session-user";

// How the header and dashboards name a person's roles, delegated ones marked as such.
export function describeRoles(user: Pick<TSessionUser, "roles" | "delegatedRoles">): string {
  const own = user.roles.map((r) => ROLE_LABELS[r]);
  const delegated = (user.delegatedRoles ?? []).map((r) => `${ROLE_LABELS[r]}, por delegación`);
  const all = [...own, ...delegated];
  return all.length > 0 ? all.join(" · ") : "Sin rol asignado";
}
