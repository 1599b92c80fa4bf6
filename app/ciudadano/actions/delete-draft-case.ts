"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { deleteDraftCase } from "@/lib/cases/delete-draft-case";

// "Eliminar borrador", after the confirmation: the applicant's own DRAFT only (the workflow checks).
const ZDeleteDraftCaseRequest = z.object({
  caseId: z.string().trim().min(1).max(64),
  expectedVersion: z.coerce.number().int().min(0),
});

export const deleteDraftCaseAction = createAction({
  name: "cases.delete-draft",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZDeleteDraftCaseRequest,
  handler: async (input, { actor, ip }) => {
    await deleteDraftCase({ actor, caseId: input.caseId, expectedVersion: input.expectedVersion, ip });
    redirect("/ciudadano?borrador=eliminado");
  },
});
