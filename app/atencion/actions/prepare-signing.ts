"use server";

import { createSigningActions } from "@/components/staff/create-signing-actions";

// "Firmar y emitir" in the browser, first half: the central signer's certificate (not the key)
// checked against the registry, and the signed attributes the browser must sign.
export const prepareSigningAction = createSigningActions("atencion", "sign_and_issue").prepare;
