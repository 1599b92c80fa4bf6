"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { rolesFromForm } from "@/lib/admin/roles-from-form";
import { updateStaffAccount } from "@/lib/admin/update-staff-account";

const ZInput = z.looseObject({ userId: z.string().min(1).max(100), dideducId: z.string().max(100).optional(), post: z.string().max(5000).optional() });

export const updateStaffAccountAction = createAction({
  name: "admin.updateStaffAccount",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await updateStaffAccount(actor, { userId: input.userId, dideducId: input.dideducId, post: input.post, roles: rolesFromForm(input) as never }, { ip });
    // The list and the account's own page both show it.
    revalidatePath("/admin/cuentas", "layout");
    return result;
  },
});
