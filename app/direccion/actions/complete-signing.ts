"use server";

import { createSigningActions } from "@/components/staff/create-signing-actions";

// "Firmar certificación" in the browser, second half: the signature value made with the key that
// stayed on the director's computer; the server embeds it and moves the case on.
export const completeSigningAction = createSigningActions("direccion", "sign").complete;
