"use server";

import { createSigningActions } from "@/components/staff/create-signing-actions";

// "Firmar y emitir" in the browser, second half: the signature value made with the key that stayed
// on the signer's computer; the server embeds it, extends it to B-LTA and issues the certification.
export const completeSigningAction = createSigningActions("atencion", "sign_and_issue").complete;
