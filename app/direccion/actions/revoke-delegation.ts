"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { revokeOfficeDelegation } from "@/lib/workflow/revoke-office-delegation";

// The form's raw fields; revokeOfficeDelegation validates them after checking who asks.
const ZInput = z.object({ delegationId: z.string().max(100).default(""), reason: z.string().max(1000).default("") });

// The Director ends one of their office's delegations early (audited as "revoke_delegation").
export const revokeOfficeDelegationAction = createAction({
  name: "direccion.revoke-delegation",
  schema: ZInput,
  roles: ["DIDEDUC_SIGNER"],
  handler: async (input, { actor, ip }) => {
    const revoked = await revokeOfficeDelegation(actor, input, { ip });
    revalidatePath("/direccion/delegaciones");
    return { id: revoked.id };
  },
});
