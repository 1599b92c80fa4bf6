"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { rejectSignerChange } from "@/lib/registry/signer-changes/reject-signer-change";

// Nota 3: Atención al Ciudadano rejects a DIDEDUC's notice of a signer, with the reason the Director reads.
export const rejectSignerChangeAction = createAction({
  name: "atencion.rejectSignerChange",
  schema: z.object({ requestId: z.string().min(1).max(100), reason: z.string().max(5000).optional() }),
  segment: "atencion",
  handler: async (input, { actor, ip }) => {
    await rejectSignerChange(actor, { requestId: input.requestId, reason: input.reason ?? "" }, { ip });
    revalidatePath("/atencion/firmantes");
    // The notice leaves the pending list: the page says what was done.
    redirect("/atencion/firmantes?hecho=rechazada");
  },
});
