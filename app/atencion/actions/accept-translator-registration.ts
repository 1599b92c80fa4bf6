"use server";

import { redirect } from "next/navigation";
import { ZCaseRef } from "@/components/staff/case-action-schemas";
import { createAction } from "@/lib/action";
import { explainOwnRefusal } from "@/lib/cases/explain-own-refusal";
import { acceptTranslatorRegistration } from "@/lib/cases/accept-translator-registration";

// D.4 "Aceptar y registrar" (central manager): the registry entry and the translator's mail are
// written with the acceptance, in one transaction; the domain checks role, state and version.
export const acceptTranslatorRegistrationAction = createAction({
  name: "atencion.accept-translator-registration",
  roles: ["CENTRAL_MANAGER"],
  schema: ZCaseRef,
  handler: async (form, { actor, ip }) => {
    await explainOwnRefusal({ actorId: actor.id, caseId: form.caseId }, () =>
      acceptTranslatorRegistration({ actor, caseId: form.caseId, expectedVersion: form.expectedVersion, ip }),
    );
    redirect(`/atencion/casos/${encodeURIComponent(form.caseId)}?hecho=accept`);
  },
});
