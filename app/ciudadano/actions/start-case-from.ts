"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { startCaseFrom } from "@/lib/cases/start-case-from";

// "Iniciar una nueva solicitud a partir de esta": a new draft with the typed data of a rejected
// case; the citizen lands on it to attach the new certification and send it.
const ZStartCaseFromRequest = z.object({
  caseId: z.string().trim().min(1).max(64),
});

export const startCaseFromAction = createAction({
  name: "cases.start-from",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZStartCaseFromRequest,
  handler: async (input, { actor, ip }) => {
    const created = await startCaseFrom({ actor, caseId: input.caseId, ip });
    redirect(`/ciudadano/solicitudes/${encodeURIComponent(created.caseId)}?nueva=1`);
  },
});
