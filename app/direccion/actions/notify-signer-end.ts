"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { notifySignerEnd } from "@/lib/registry/signer-changes/notify-signer-end";

const ZInput = z.object({ signerId: z.string().max(100).optional(), endDate: z.string().max(20).optional(), reason: z.string().max(5000).optional() });

// Nota 3, "en caso de cambio de personal": the Director notifies that a signer of their DIDEDUC stops signing.
export const notifySignerEndAction = createAction({
  name: "direccion.notifySignerEnd",
  schema: ZInput,
  roles: ["DIDEDUC_SIGNER"],
  handler: async (input, { actor, ip }) => {
    await notifySignerEnd(actor, { signerId: input.signerId ?? "", endDate: input.endDate ?? "", reason: input.reason ?? "" }, { ip });
    revalidatePath("/direccion/firmantes");
    // The row's form gives way to "pendiente de revisión": the page says what was done.
    redirect("/direccion/firmantes?hecho=fin");
  },
});
