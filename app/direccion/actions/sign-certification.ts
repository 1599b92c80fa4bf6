"use server";

import { redirect } from "next/navigation";
import { ZSigningForm } from "@/components/staff/case-action-schemas";
import { createAction } from "@/lib/action";
import { signCertification } from "@/lib/cases/sign-certification";

// "Firmar certificación" with the director's own PKCS#12. The file and passphrase live only in this
// request: they are handed to the domain as bytes and never stored, echoed back or logged.
export const signCertificationAction = createAction({
  name: "direccion.sign-certification",
  segment: "direccion",
  schema: ZSigningForm,
  sensitiveFields: ["pkcs12", "passphrase"],
  handler: async (form, { actor, ip }) => {
    const pkcs12 = Buffer.from(await form.pkcs12.arrayBuffer());
    await signCertification({ actor, caseId: form.caseId, expectedVersion: form.expectedVersion, pkcs12, passphrase: form.passphrase, ip });
    redirect(`/direccion/casos/${encodeURIComponent(form.caseId)}?hecho=sign`);
  },
});
