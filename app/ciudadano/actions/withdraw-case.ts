"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { performCaseAction } from "@/lib/cases/perform-case-action";

// "Retirar solicitud", after the confirmation: the workflow's `withdraw` (applicant only, from the
// submitted state, while no one on the staff has acted on it; decision 0020).
const ZWithdrawCaseRequest = z.object({
  caseId: z.string().trim().min(1).max(64),
  expectedVersion: z.coerce.number().int().min(0),
});

export const withdrawCaseAction = createAction({
  name: "cases.withdraw",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZWithdrawCaseRequest,
  handler: async (input, { actor, ip }) => {
    await performCaseAction({ actor, caseId: input.caseId, action: "withdraw", input: {}, expectedVersion: input.expectedVersion, ip });
    redirect(`/ciudadano/solicitudes/${encodeURIComponent(input.caseId)}?retirada=1`);
  },
});
