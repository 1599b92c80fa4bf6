"use server";

import { createAction } from "@/lib/action";
import { ZDigestPreferences } from "./digest-schemas";
import { updateDigestPreferences } from "./update-digest-preferences";
import { STAFF_ROLES } from "./staff-roles";

// "Mi cuenta" → "Resumen diario por correo": staff only (the digest is about their queues).
export const updateDigestPreferencesAction = createAction({
  name: "account.digest-preferences",
  schema: ZDigestPreferences,
  roles: STAFF_ROLES,
  handler: async (input, { actor }) => {
    const { db } = await import("@/lib/db");
    return updateDigestPreferences(db, actor.id, input);
  },
});
