"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";

// "Revocar" on one of the holder's share links (the domain checks it is theirs; idempotent).
const ZRevokeShareLinkRequest = z.object({
  shareLinkId: z.string().trim().min(1).max(64),
});

export const revokeShareLinkAction = createAction({
  name: "sharing.revoke",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZRevokeShareLinkRequest,
  handler: async (input, { actor, ip }) => {
    const revoked = await revokeShareLink({ actor, shareLinkId: input.shareLinkId, ip });
    revalidatePath(`/ciudadano/solicitudes/${revoked.caseId}`);
    return { shareLinkId: input.shareLinkId };
  },
});
