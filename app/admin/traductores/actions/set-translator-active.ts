"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { setSwornTranslatorActive } from "@/lib/registry/set-sworn-translator-active";

const ZInput = z.object({
  translatorId: z.string().min(1).max(100),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
  reason: z.string().trim().min(5, "Escriba el motivo (al menos 5 caracteres).").max(500, "El motivo pasa de 500 caracteres."),
});

// Deactivate or reactivate a sworn translator's registry entry, with the reason (audited).
export const setTranslatorActiveAction = createAction({
  name: "admin.setTranslatorActive",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await setSwornTranslatorActive({ ...input, actor, ip });
    // The list shows the new state and the reason at once.
    revalidatePath("/admin/traductores");
    return result;
  },
});
