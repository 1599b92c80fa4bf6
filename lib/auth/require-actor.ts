import "server-only";
import { redirect } from "next/navigation";
import { getActor } from "./get-actor";
import { signInPathFor } from "./route-access";
import type { TSessionUser } from "./session-user";

// For pages and layouts: the signed-in person, or a redirect to /ingresar (coming back to
// `callbackPath` after signing in).
export async function requireActor(options: { callbackPath?: string } = {}): Promise<TSessionUser> {
  const actor = await getActor();
  if (!actor) redirect(signInPathFor(options.callbackPath));
  return actor;
}
