"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { updateDideduc } from "@/lib/admin/update-dideduc";

const str = z.string().max(5000).default("");
const ZInput = z.object({ dideducId: z.string().min(1).max(100), name: str, type: str, address: str, phone: str, email: str });

export const updateDideducAction = createAction({
  name: "admin.updateDideduc",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await updateDideduc(actor, input as never, { ip });
    // The directory and the DIDEDUC's own page both show it.
    revalidatePath("/admin/dideduc", "layout");
    return result;
  },
});
