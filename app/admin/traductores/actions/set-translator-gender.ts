"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { setSwornTranslatorGender } from "@/lib/registry/set-sworn-translator-gender";

const ZInput = z.object({
  translatorId: z.string().min(1).max(100),
  gender: z.enum(["FEMININE", "MASCULINE", "UNKNOWN"], { error: "Elija una forma de trato de la lista." }).transform((v) => (v === "UNKNOWN" ? null : v)),
});

// How a sworn translator is named by role on the sheets (traductora / traductor jurado), audited.
export const setTranslatorGenderAction = createAction({
  name: "admin.setTranslatorGender",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await setSwornTranslatorGender({ ...input, actor, ip });
    revalidatePath("/admin/traductores");
    return result;
  },
});
