import type { Role } from "@/lib/generated/prisma/enums";
import { expandRoles, SEGMENT_ROLES, type TSegment } from "./roles";

// The proxy's decision for a path, from the roles in the session token. Pure, so it is unit-tested
// and shared; the server checks again with the roles in the database (requireSegment).

export type TRouteAccess = "public" | "allow" | "sign-in" | "forbidden";

const SEGMENTS = Object.keys(SEGMENT_ROLES) as TSegment[];

export function segmentOfPath(pathname: string): TSegment | null {
  const first = pathname.split("/")[1] ?? "";
  return (SEGMENTS as string[]).includes(first) ? (first as TSegment) : null;
}

export function decideRouteAccess(pathname: string, user: { roles?: readonly Role[]; delegatedRoles?: readonly Role[] } | null | undefined): TRouteAccess {
  const segment = segmentOfPath(pathname);
  if (!segment) return "public";
  if (!user) return "sign-in";
  const roles = expandRoles([...(user.roles ?? []), ...(user.delegatedRoles ?? [])]);
  return SEGMENT_ROLES[segment].some((r) => roles.includes(r)) ? "allow" : "forbidden";
}

export const SIGN_IN_PATH = "/ingresar";
export const FORBIDDEN_PATH = "/no-autorizado";

export function signInPathFor(callbackPath?: string | null): string {
  return callbackPath && callbackPath !== "/" ? `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(callbackPath)}` : SIGN_IN_PATH;
}

// Where to go after signing in: the page the person was sent away from, if it is a path on this
// site they may open; otherwise their home segment. Never another host (open redirect).
export function safeCallbackPath(value: string | null | undefined, roles: readonly Role[]): string | null {
  if (!value) return null;
  let candidate = value.trim();
  if (!candidate.startsWith("/")) {
    try {
      const url = new URL(candidate);
      // Absolute URLs come from Auth.js's own redirect; keep only their path.
      candidate = url.pathname + url.search;
    } catch {
      return null;
    }
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return null;
  if ([SIGN_IN_PATH, "/registro", "/contrasena", "/salir", FORBIDDEN_PATH, "/api/"].some((p) => candidate.startsWith(p))) return null;
  const access = decideRouteAccess(candidate.split("?")[0], { roles });
  return access === "allow" || access === "public" ? candidate : null;
}
