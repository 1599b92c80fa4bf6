import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { findSessionUser } from "./find-session-user";
import type { TSessionUser } from "./session-user";

// The signed-in person, re-read from the database on every request (once per request, however
// many components ask): a deactivated account, changed roles or a session ended elsewhere (its
// version moved on) take effect at once, whatever the session token still says. null when signed
// out. auth() has already refused a token past its idle or absolute lifetime.
export const getActor = cache(async (): Promise<TSessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const state = session?.state;
  if (!id || !state) return null;
  return findSessionUser({ id }, { session: { sessionVersion: state.sessionVersion, secondFactor: state.secondFactor } });
});
