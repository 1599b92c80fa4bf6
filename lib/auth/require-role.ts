import "server-only";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireActor } from "./require-actor";
import { FORBIDDEN_PATH } from "./route-access";
import { actorHasAnyRole, type TSessionUser } from "./session-user";

// For pages and layouts: the signed-in person holding one of `roles` (or covering it through
// another role or a delegation). Signed out → /ingresar; without the role → /no-autorizado.
export async function requireRole(roles: readonly Role[], options: { callbackPath?: string } = {}): Promise<TSessionUser> {
  const actor = await requireActor(options);
  if (!actorHasAnyRole(actor, roles)) redirect(FORBIDDEN_PATH);
  return actor;
}
