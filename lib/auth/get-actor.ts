import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { findSessionUser } from "./find-session-user";
import type { TSessionUser } from "./session-user";

// The signed-in person, re-read from the database on every request (once per request, however
// many components ask): a deactivated account or changed roles take effect at once, whatever
// the session token still says. null when signed out.
export const getActor = cache(async (): Promise<TSessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return findSessionUser({ id });
});
