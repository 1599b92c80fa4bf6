"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { saveSupervisionOffice } from "@/lib/admin/save-supervision-office";

const str = z.string().max(5000).default("");
const ZInput = z.object({ dideducId: z.string().min(1).max(100), officeId: z.string().max(100).optional(), name: str, phone: str, address: str });

export const saveSupervisionOfficeAction = createAction({
  name: "admin.saveSupervisionOffice",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await saveSupervisionOffice(actor, input, { ip });
    // The directory and the DIDEDUC's own page both show it.
    revalidatePath("/admin/dideduc", "layout");
    return result;
  },
});
