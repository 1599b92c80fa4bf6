"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { removeHoliday } from "@/lib/service-levels/remove-holiday";

const ZInput = z.object({ holidayId: z.string().min(1).max(100) });

export const removeHolidayAction = createAction({
  name: "admin.removeHoliday",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await removeHoliday(actor, input, { ip });
    revalidatePath("/admin/plazos");
    return result;
  },
});
