"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { setStaffAccountActive } from "@/lib/admin/set-staff-account-active";

const ZInput = z.object({
  userId: z.string().min(1).max(100),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
  reason: z.string().max(500, "El motivo no puede tener más de 500 caracteres.").optional(),
});

export const setStaffAccountActiveAction = createAction({
  name: "admin.setStaffAccountActive",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await setStaffAccountActive(actor, input, { ip });
    // The list and the account's own page both show it.
    revalidatePath("/admin/cuentas", "layout");
    return result;
  },
});
