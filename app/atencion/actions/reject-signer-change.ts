"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { rejectSignerChange } from "@/lib/registry/signer-changes/reject-signer-change";

// Nota 3: Atención al Ciudadano rejects a DIDEDUC's notice of a signer, with the reason the Director reads.
export const rejectSignerChangeAction = createAction({
  name: "atencion.rejectSignerChange",
  schema: z.object({ requestId: z.string().min(1).max(100), reason: z.string().max(5000).optional() }),
  segment: "atencion",
  handler: async (input, { actor, ip }) => {
    const result = await rejectSignerChange(actor, { requestId: input.requestId, reason: input.reason ?? "" }, { ip });
    revalidatePath("/atencion/firmantes");
    return result;
  },
});
