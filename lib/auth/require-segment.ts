import "server-only";
import { SEGMENT_ROLES, type TSegment } from "./roles";
import { requireRole } from "./require-role";
import type { TSessionUser } from "./session-user";

// The first line of every layout and page of /ciudadano, /dideduc, /direccion, /atencion, /admin.
export function requireSegment(segment: TSegment, options: { callbackPath?: string } = {}): Promise<TSessionUser> {
  return requireRole(SEGMENT_ROLES[segment], { callbackPath: options.callbackPath ?? `/${segment}` });
}
