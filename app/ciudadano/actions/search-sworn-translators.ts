"use server";

import { z } from "zod";
import { createAction } from "@/lib/action";
import { searchSwornTranslators } from "@/lib/registry/search-sworn-translators";

// D.3's picker: active sworn translators by a part of the name or of the DIDEDUC registration
// number. Only what the citizen's form shows and copies (no account data).
const ZSearchRequest = z.object({
  q: z.string().trim().max(100),
});

export type TTranslatorOption = {
  id: string;
  name: string;
  languages: string[];
  appointmentResolution: string;
  registrationNumber: string;
  dideducName: string;
};

const PAGE_SIZE = 10;

export const searchSwornTranslatorsAction = createAction({
  name: "cases.search-sworn-translators",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZSearchRequest,
  handler: async (input): Promise<{ rows: TTranslatorOption[]; total: number }> => {
    if (input.q.replace(/\s+/g, "").length < 2) return { rows: [], total: 0 };
    const found = await searchSwornTranslators({ q: input.q, pageSize: PAGE_SIZE });
    return {
      total: found.total,
      rows: found.rows.map((r) => ({
        id: r.id,
        name: r.name,
        languages: r.languages,
        appointmentResolution: r.appointmentResolution,
        registrationNumber: r.dideducRegistrationNumber,
        dideducName: r.dideduc.name,
      })),
    };
  },
});
