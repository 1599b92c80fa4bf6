"use server";

import { z } from "zod";
import { createAction } from "@/lib/action";
import { removeCaseFile } from "@/lib/cases/remove-case-file";

// Takes an uploaded scan off a draft or a case under correction (the domain checks both).
const ZRemoveCaseFileRequest = z.object({
  caseId: z.string().trim().min(1).max(64),
  fileId: z.string().trim().min(1).max(64),
});

export const removeCaseFileAction = createAction({
  name: "cases.remove-file",
  roles: ["CITIZEN", "TRANSLATOR"],
  schema: ZRemoveCaseFileRequest,
  handler: async (input, { actor }) => {
    await removeCaseFile({ actor, caseId: input.caseId, fileId: input.fileId });
    return { fileId: input.fileId };
  },
});
