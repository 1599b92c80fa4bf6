"use server";

import { redirect } from "next/navigation";
import { ZRevokeForm } from "@/components/staff/case-action-schemas";
import { createAction } from "@/lib/action";
import { revokeCertification } from "@/lib/cases/revoke-certification";
import { REVOKERS } from "@/lib/workflow/definitions/common";

// "Anular certificación": only the Encargado and the coordinator get past the first check; the
// domain checks role, state and version again and the input against the case (category, internal
// note, the case number typed again), and writes the holder's mail with the state change.
export const revokeCertificationAction = createAction({
  name: "atencion.revoke-certification",
  roles: REVOKERS,
  schema: ZRevokeForm,
  handler: async (form, { actor, ip }) => {
    await revokeCertification({
      actor,
      caseId: form.caseId,
      expectedVersion: form.expectedVersion,
      input: { category: form.category, note: form.note, confirmNumber: form.confirmNumber },
      ip,
    });
    redirect(`/atencion/casos/${encodeURIComponent(form.caseId)}?hecho=revoke`);
  },
});
