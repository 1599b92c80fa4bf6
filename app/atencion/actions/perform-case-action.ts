"use server";

import { redirect } from "next/navigation";
import { ZCaseActionForm, transitionInputOf } from "@/components/staff/case-action-schemas";
import { createAction } from "@/lib/action";
import { performCaseAction } from "@/lib/cases/perform-case-action";

// The plain transitions de Atención al Ciudadano: devolver a la Dirección Departamental.
// Which ones this person may take, and their input, are checked by the domain (role, scope, state,
// version) against the workflow definition.
export const performCaseActionAction = createAction({
  name: "atencion.perform-case-action",
  segment: "atencion",
  schema: ZCaseActionForm,
  handler: async (form, { actor, ip }) => {
    await performCaseAction({
      actor,
      caseId: form.caseId,
      action: form.action,
      input: transitionInputOf(form),
      expectedVersion: form.expectedVersion,
      ip,
    });
    redirect(`/atencion/casos/${encodeURIComponent(form.caseId)}?hecho=${form.action}`);
  },
});
