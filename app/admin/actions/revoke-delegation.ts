"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { revokeAdminDelegation } from "@/lib/admin/revoke-admin-delegation";

const ZInput = z.object({ delegationId: z.string().min(1).max(100) });

export const revokeDelegationAction = createAction({
  name: "admin.revokeDelegation",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await revokeAdminDelegation(actor, input.delegationId, { ip });
    revalidatePath("/admin/delegaciones");
    return result;
  },
});
