"use server";

import { createSigningActions } from "@/components/staff/create-signing-actions";

// "Firmar certificación" in the browser, first half: the director's certificate (not the key)
// checked against the registry, and the signed attributes the browser must sign.
export const prepareSigningAction = createSigningActions("direccion", "sign").prepare;
