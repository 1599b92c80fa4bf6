import type { Role } from "@/lib/generated/prisma/enums";
import { actorHasAnyRole, type TSessionUser } from "@/lib/auth/session-user";
import type { TStatsFilter } from "./stats-filter";

export type TStatsSegment = "atencion" | "direccion";

// Who may read each dashboard (issue #14 §2): the Encargado and coordination see every DIDEDUC; a
// DIDEDUC's director sees their own office only. Assistants and reviewers have queues, not dashboards.
export const STATS_ROLES: Record<TStatsSegment, readonly Role[]> = {
  atencion: ["CENTRAL_MANAGER", "CENTRAL_COORDINATOR"],
  direccion: ["DIDEDUC_SIGNER"],
};

export type TStatsScope = { ok: true; filter: TStatsFilter; central: boolean } | { ok: false };

// The filter a person may run: the central dashboard keeps the chosen DIDEDUC; a director's is
// forced to their own, whatever the URL says. Checked by the pages and by every CSV route handler
// (route handlers are not under a layout's check).
export function resolveStatsScope(actor: Pick<TSessionUser, "roles" | "delegatedRoles" | "dideducId"> | null, segment: TStatsSegment, filter: TStatsFilter): TStatsScope {
  if (!actor || !actorHasAnyRole(actor, STATS_ROLES[segment])) return { ok: false };
  if (segment === "atencion") return { ok: true, filter, central: true };
  if (!actor.dideducId) return { ok: false };
  return { ok: true, filter: { ...filter, dideducId: actor.dideducId }, central: false };
}
