"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ZCaseRef } from "@/components/staff/case-action-schemas";
import { ALL_REVIEW_CHECKLIST_KEYS, CHECKLIST_FIELD_PREFIX } from "@/components/staff/review-checklist";
import { createAction } from "@/lib/action";
import { explainOwnRefusal } from "@/lib/cases/explain-own-refusal";
import { generateCertification } from "@/lib/cases/generate-certification";

// A checkbox posts "on" only when ticked. Which items the case's procedure requires (D.1.1, D.2.1)
// is the domain's check, with a message next to every unticked one.
const ZGenerateCertificationForm = ZCaseRef.extend(
  Object.fromEntries(
    ALL_REVIEW_CHECKLIST_KEYS.map((key) => [`${CHECKLIST_FIELD_PREFIX}${key}`, z.literal("on").optional()]),
  ) as Record<string, z.ZodOptional<z.ZodLiteral<"on">>>,
);

// "Generar certificación y trasladar a firma": the sheet with the QR, merged in front of the scans,
// goes to the DIDEDUC's director.
export const generateCertificationAction = createAction({
  name: "dideduc.generate-certification",
  segment: "dideduc",
  schema: ZGenerateCertificationForm,
  handler: async (form, { actor, ip }) => {
    const caseId = String(form.caseId);
    await explainOwnRefusal({ actorId: actor.id, caseId }, () =>
      generateCertification({
        actor,
        caseId,
        expectedVersion: Number(form.expectedVersion),
        ip,
        checklist: Object.fromEntries(ALL_REVIEW_CHECKLIST_KEYS.map((key) => [key, form[`${CHECKLIST_FIELD_PREFIX}${key}`] === "on"])),
      }),
    );
    redirect(`/dideduc/casos/${encodeURIComponent(caseId)}?hecho=generate_certification`);
  },
});
