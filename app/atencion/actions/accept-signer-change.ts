"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { acceptSignerChange } from "@/lib/registry/signer-changes/accept-signer-change";

// Nota 3: Atención al Ciudadano accepts a DIDEDUC's notice of a signer; the registry changes in the
// same transaction (the domain checks the central role).
export const acceptSignerChangeAction = createAction({
  name: "atencion.acceptSignerChange",
  schema: z.object({ requestId: z.string().min(1).max(100) }),
  segment: "atencion",
  handler: async (input, { actor, ip }) => {
    await acceptSignerChange(actor, { requestId: input.requestId }, { ip });
    revalidatePath("/atencion/firmantes");
    // The notice leaves the pending list: the page says what was done.
    redirect("/atencion/firmantes?hecho=aceptada");
  },
});
