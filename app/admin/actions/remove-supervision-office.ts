"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { removeSupervisionOffice } from "@/lib/admin/remove-supervision-office";

const ZInput = z.object({ officeId: z.string().min(1).max(100) });

export const removeSupervisionOfficeAction = createAction({
  name: "admin.removeSupervisionOffice",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await removeSupervisionOffice(actor, input, { ip });
    // The directory and the DIDEDUC's own page both show it.
    revalidatePath("/admin/dideduc", "layout");
    return result;
  },
});
