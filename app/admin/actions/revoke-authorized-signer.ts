"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { revokeAuthorizedSigner } from "@/lib/admin/revoke-authorized-signer";

const ZInput = z.object({ signerId: z.string().min(1).max(100), reason: z.string().max(5000).optional() });

export const revokeAuthorizedSignerAction = createAction({
  name: "admin.revokeAuthorizedSigner",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await revokeAuthorizedSigner(actor, { signerId: input.signerId, reason: input.reason ?? "" }, { ip });
    revalidatePath("/admin/firmantes");
    return result;
  },
});
