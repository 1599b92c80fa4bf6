import "server-only";
import { redirect } from "next/navigation";
import { createAction } from "@/lib/action";
import { explainOwnRefusal } from "@/lib/cases/explain-own-refusal";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { ZCaseActionForm, transitionInputOf } from "./case-action-schemas";

// One office's server action for the plain transitions of its case view. Which ones this person
// may take, and their input, are checked by the domain (role, scope, state, version) against the
// workflow definition; on success the case page opens again with what was done.
export function createPerformCaseAction(segment: "dideduc" | "direccion" | "atencion") {
  return createAction({
    name: `${segment}.perform-case-action`,
    segment,
    schema: ZCaseActionForm,
    handler: async (form, { actor, ip }) => {
      await explainOwnRefusal({ actorId: actor.id, caseId: form.caseId }, () =>
        performCaseAction({
          actor,
          caseId: form.caseId,
          action: form.action,
          input: transitionInputOf(form),
          expectedVersion: form.expectedVersion,
          ip,
        }),
      );
      redirect(`/${segment}/casos/${encodeURIComponent(form.caseId)}?hecho=${form.action}`);
    },
  });
}
