"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { createStaffAccount } from "@/lib/admin/create-staff-account";
import { rolesFromForm } from "@/lib/admin/roles-from-form";

const str = z.string().max(5000).optional();
const ZInput = z.looseObject({ name: str, email: str, cui: str, phone: str, post: str, dideducId: str, password: str });

// Field-by-field validation lives in the domain (lib/admin), which reports every problem at once.
export const createStaffAccountAction = createAction({
  name: "admin.createStaffAccount",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await createStaffAccount(
      actor,
      { name: input.name ?? "", email: input.email ?? "", cui: input.cui, phone: input.phone, post: input.post, dideducId: input.dideducId, password: input.password ?? "", roles: rolesFromForm(input) as never },
      { ip },
    );
    revalidatePath("/admin/cuentas");
    return result;
  },
});
