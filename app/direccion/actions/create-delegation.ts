"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { createOfficeDelegation } from "@/lib/workflow/create-office-delegation";

// The form's raw fields; createOfficeDelegation validates them (ZOfficeDelegationForm) after
// checking who asks, and refuses anything outside the Director's own DIDEDUC.
const str = z.string().max(1000).default("");
const ZInput = z.object({ delegateId: str, role: str, validFrom: str, validTo: str, note: str });

// "El Director podrá delegar a quien considere oportuno" (Nota 2/3), from /direccion/delegaciones.
export const createOfficeDelegationAction = createAction({
  name: "direccion.create-delegation",
  schema: ZInput,
  roles: ["DIDEDUC_SIGNER"],
  handler: async (input, { actor, ip }) => {
    const delegation = await createOfficeDelegation(actor, input, { ip });
    revalidatePath("/direccion/delegaciones");
    return { id: delegation.id };
  },
});
