import "server-only";
import { createAction } from "@/lib/action";
import { explainOwnRefusal } from "@/lib/cases/explain-own-refusal";
import { completeCaseSigning } from "@/lib/cases/signing/complete-case-signing";
import { prepareCaseSigning } from "@/lib/cases/signing/prepare-case-signing";
import { ZCompleteSigningForm, ZPrepareSigningForm, type TCompletedSigningAnswer, type TPreparedSigningAnswer } from "./case-action-schemas";

// One office's two server actions of a browser signature (issue #13, decision 0017): "prepare"
// (the certificate chain the browser read → the signed attributes to sign) and "complete" (the
// signature value → the signed document and the transition). Neither receives a private key, a
// .p12 or a passphrase: there is no field for them. The segment's roles are checked by createAction
// first; the domain checks the rest (role and scope on the case, state, version, registry,
// revocation, that the prepared signing is this person's). Refusals reach the form as the domain's
// codes: certificate problems carry the field "pkcs12", a changed case STALE_VERSION.
export function createSigningActions(segment: "direccion" | "atencion", action: "sign" | "sign_and_issue") {
  const prepare = createAction({
    name: `${segment}.prepare-signing`,
    segment,
    schema: ZPrepareSigningForm,
    handler: async (form, { actor, ip }): Promise<TPreparedSigningAnswer> => {
      const prepared = await explainOwnRefusal({ actorId: actor.id, caseId: form.caseId }, () =>
        prepareCaseSigning({ actor, caseId: form.caseId, expectedVersion: form.expectedVersion, action, certificates: form.certificates, ip }),
      );
      return { ...prepared, expiresAt: prepared.expiresAt.toISOString() };
    },
  });
  const complete = createAction({
    name: `${segment}.complete-signing`,
    segment,
    schema: ZCompleteSigningForm,
    // Not secret, but large and meaningless to echo back into a form.
    sensitiveFields: ["signatureValue"],
    handler: async (form, { actor, ip }): Promise<TCompletedSigningAnswer> =>
      completeCaseSigning({ actor, preparedSigningId: form.preparedSigningId, signatureValue: form.signatureValue, ip }),
  });
  return { prepare, complete };
}
