"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ZCaseRef } from "@/components/staff/case-action-schemas";
import { CHECKLIST_FIELD_PREFIX, REVIEW_CHECKLIST } from "@/components/staff/review-checklist";
import { createAction } from "@/lib/action";
import { generateCertification } from "@/lib/cases/generate-certification";

const UNCHECKED = "Marque este punto después de verificarlo.";

// Every checklist item must be ticked (a checkbox posts "on" only when ticked).
const ZGenerateCertificationForm = ZCaseRef.extend(
  Object.fromEntries(
    REVIEW_CHECKLIST.map((i) => [`${CHECKLIST_FIELD_PREFIX}${i.key}`, z.literal("on", { error: UNCHECKED })]),
  ) as Record<string, z.ZodLiteral<"on">>,
);

// "Generar certificación y trasladar a firma": the sheet with the QR, merged in front of the scans,
// goes to the DIDEDUC's director.
export const generateCertificationAction = createAction({
  name: "dideduc.generate-certification",
  segment: "dideduc",
  schema: ZGenerateCertificationForm,
  handler: async (form, { actor, ip }) => {
    const caseId = String(form.caseId);
    await generateCertification({
      actor,
      caseId,
      expectedVersion: Number(form.expectedVersion),
      ip,
      checklist: Object.fromEntries(REVIEW_CHECKLIST.map((i) => [i.key, true])),
    });
    redirect(`/dideduc/casos/${encodeURIComponent(caseId)}?hecho=generate_certification`);
  },
});
