"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { updateAssignmentPolicy } from "@/lib/admin/update-assignment-policy";

// The field's own range message comes from the domain's schema (updateAssignmentPolicy).
const ZInput = z.object({ idleMinutes: z.string().max(20).default("") });

export const updateAssignmentPolicyAction = createAction({
  name: "admin.updateAssignmentPolicy",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await updateAssignmentPolicy(actor, input, { ip });
    revalidatePath("/admin/revision");
    return result;
  },
});
