"use server";

import { createAction } from "@/lib/action";
import { ZDiplomaLookupRequest } from "@/lib/cases/forms/diploma-from-2005-form";
import { lookupDiplomaRegistration } from "@/lib/cases/lookup-diploma-registration";

// D.2.2: "Buscar en el registro de títulos". The number's format and the graduate's CUI or birth
// date are checked here (field errors in Spanish); the domain counts lookups per account and answers
// found (only when the CUI or birth date is the holder's) / not found / ATE-INS-04.
export const lookupDiplomaRegistrationAction = createAction({
  name: "cases.lookup-diploma",
  roles: ["CITIZEN"],
  schema: ZDiplomaLookupRequest,
  handler: async (input, { actor }) => lookupDiplomaRegistration({ actor, registrationNumber: input.registrationNumber, holder: input.student }),
});
