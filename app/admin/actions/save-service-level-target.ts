"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { saveServiceLevelTarget } from "@/lib/service-levels/save-service-level-target";

// Shapes only: the domain checks the stage and the number and answers next to the field.
const ZInput = z.object({ procedure: z.string().min(1).max(60), state: z.string().min(1).max(60), businessDays: z.string().max(20).default("") });

export const saveServiceLevelTargetAction = createAction({
  name: "admin.saveServiceLevelTarget",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await saveServiceLevelTarget(actor, input as never, { ip });
    revalidatePath("/admin/plazos");
    return result;
  },
});
