"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { addHoliday } from "@/lib/service-levels/add-holiday";

// Shapes only: the domain checks the date and the name and answers next to the field.
const ZInput = z.object({ date: z.string().max(20).default(""), name: z.string().max(500).default(""), halfDay: z.string().max(10).optional() });

export const addHolidayAction = createAction({
  name: "admin.addHoliday",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await addHoliday(actor, input as never, { ip });
    revalidatePath("/admin/plazos");
    return result;
  },
});
