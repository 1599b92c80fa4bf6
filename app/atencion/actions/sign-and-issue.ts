"use server";

import { redirect } from "next/navigation";
import { ZSigningForm } from "@/components/staff/case-action-schemas";
import { createAction } from "@/lib/action";
import { signAndIssue } from "@/lib/cases/sign-and-issue";

// "Firmar y emitir": the central office's signature, appended as an incremental update so the
// DIDEDUC's stays valid. The PKCS#12 and passphrase live only in this request.
export const signAndIssueAction = createAction({
  name: "atencion.sign-and-issue",
  segment: "atencion",
  schema: ZSigningForm,
  sensitiveFields: ["pkcs12", "passphrase"],
  handler: async (form, { actor, ip }) => {
    const pkcs12 = Buffer.from(await form.pkcs12.arrayBuffer());
    await signAndIssue({ actor, caseId: form.caseId, expectedVersion: form.expectedVersion, pkcs12, passphrase: form.passphrase, ip });
    redirect(`/atencion/casos/${encodeURIComponent(form.caseId)}?hecho=sign_and_issue`);
  },
});
