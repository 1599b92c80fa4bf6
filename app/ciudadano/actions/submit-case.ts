"use server";

import { z } from "zod";
import { createAction } from "@/lib/action";
import { submitCase } from "@/lib/cases/submit-case";

// "Enviar solicitud" and "Enviar correcciones": the domain validates the form strictly (field
// errors in Spanish), requires the files and fires submit or resubmit.
const ZSubmitCaseRequest = z.object({
  caseId: z.string().trim().min(1).max(64),
  expectedVersion: z.number().int().nonnegative(),
});

export const submitCaseAction = createAction({
  name: "cases.submit",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZSubmitCaseRequest,
  handler: async (input, { actor, ip }) => {
    const result = await submitCase({ actor, caseId: input.caseId, expectedVersion: input.expectedVersion, ip });
    return { version: result.version, state: result.state };
  },
});
