"use server";

import { createAction } from "@/lib/action";
import { translatorFieldPath } from "@/lib/cases/forms/sworn-translation-form";
import { checkSwornTranslator, ZCheckSwornTranslator } from "@/lib/registry/check-sworn-translator";

// D.3, typed translator data: "Comprobar en el registro" before sending. The submission checks
// again inside its transaction; this only tells the citizen early, next to the field.
export const checkSwornTranslatorAction = createAction({
  name: "cases.check-sworn-translator",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZCheckSwornTranslator,
  handler: async (input) => {
    const result = await checkSwornTranslator(input);
    if (result.ok) {
      return { ok: true as const, name: result.translator.name, dideducName: result.translator.dideduc.name, languages: result.translator.languages, id: result.translator.id };
    }
    return { ok: false as const, field: translatorFieldPath(result.field), message: result.message };
  },
});
