"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { resetSecondFactor } from "@/lib/admin/reset-second-factor";

const ZInput = z.object({
  userId: z.string().min(1).max(100),
  resetReason: z.string().max(500, "El motivo no puede tener más de 500 caracteres.").optional(),
});

export const resetSecondFactorAction = createAction({
  name: "admin.resetSecondFactor",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await resetSecondFactor(actor, { userId: input.userId, reason: input.resetReason }, { ip });
    revalidatePath("/admin/cuentas", "layout");
    return result;
  },
});
