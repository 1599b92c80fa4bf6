"use server";

import { redirect } from "next/navigation";
import { ZCaseActionForm, transitionInputOf } from "@/components/staff/case-action-schemas";
import { createAction } from "@/lib/action";
import { performCaseAction } from "@/lib/cases/perform-case-action";

// The plain transitions de la Dirección Departamental: devolver al Departamento Técnico Pedagógico o rechazar definitivamente.
// Which ones this person may take, and their input, are checked by the domain (role, scope, state,
// version) against the workflow definition.
export const performCaseActionAction = createAction({
  name: "direccion.perform-case-action",
  segment: "direccion",
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
    redirect(`/direccion/casos/${encodeURIComponent(form.caseId)}?hecho=${form.action}`);
  },
});
