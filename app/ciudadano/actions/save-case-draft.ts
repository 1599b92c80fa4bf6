"use server";

import { z } from "zod";
import { createAction } from "@/lib/action";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { Procedure } from "@/lib/generated/prisma/enums";

// Autosave and "Guardar borrador": the first call creates the draft, later ones update it. The
// form data is checked leniently by the domain (a draft may be incomplete); ownership, state and
// version are the domain's checks too.
const ZSaveCaseDraftRequest = z.object({
  caseId: z.string().trim().min(1).max(64).optional(),
  procedure: z.enum(Procedure, { error: "Seleccione el trámite." }),
  dideducId: z.string().trim().max(64).optional(),
  formData: z.record(z.string(), z.unknown()),
  expectedVersion: z.number().int().nonnegative().optional(),
});

export const saveCaseDraftAction = createAction({
  name: "cases.save-draft",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZSaveCaseDraftRequest,
  handler: async (input, { actor, ip }) => {
    const saved = await saveCaseDraft({
      actor,
      caseId: input.caseId,
      procedure: input.procedure,
      dideducId: input.dideducId ? input.dideducId : null,
      formData: input.formData,
      expectedVersion: input.expectedVersion,
      ip,
    });
    return { caseId: saved.caseId, number: saved.number, version: saved.version, savedAt: new Date().toISOString() };
  },
});
