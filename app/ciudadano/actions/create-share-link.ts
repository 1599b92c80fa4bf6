"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { ZShareLinkFields } from "@/lib/sharing/share-link-policy";

// "Compartir el documento": a new share link to the holder's issued certification (the domain checks
// that the case is theirs, ISSUED and not revoked, the expiry and the number of active links).
const ZCreateShareLinkRequest = ZShareLinkFields.extend({
  caseId: z.string().trim().min(1).max(64),
});

export const createShareLinkAction = createAction({
  name: "sharing.create",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZCreateShareLinkRequest,
  handler: async (input, { actor, ip }) => {
    const created = await createShareLink({ actor, caseId: input.caseId, label: input.label, expiresIn: input.expiresIn, expiresOn: input.expiresOn, ip });
    // The list under the form shows the new link with the rest.
    revalidatePath(`/ciudadano/solicitudes/${input.caseId}`);
    return { id: created.id, label: created.label, url: created.url, expiresAt: created.expiresAt.toISOString() };
  },
});
