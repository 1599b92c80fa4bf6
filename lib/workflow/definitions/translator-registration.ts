import { ZNoInput, ZReasonInput } from "../inputs";
import { defineTransition, type TProcedureDefinition } from "../types";
import { applicantExits, submit } from "./common";

// D.4 Registro de traductor jurado, filed by the translator's own account: a translator account
// (created with «Soy traductor jurado») or a citizen's account, the same person's (issue #14 §5,
// decision 0025); accepting it gives a citizen's account the translator role besides its own.
//
//   DRAFT --submit--> MANAGER_REVIEW
//   MANAGER_REVIEW --reject (missing requirement, reason)--> REJECTED
//   MANAGER_REVIEW --accept (manager)--> REGISTERED
//
// Accepting also creates the SwornTranslator entry: the operation does it through transition()'s
// `apply`, in the same database transaction.
const MANAGER = ["CENTRAL_MANAGER"] as const;
const APPLICANTS = ["CITIZEN", "TRANSLATOR"] as const;

export const translatorRegistration: TProcedureDefinition = {
  procedure: "TRANSLATOR_REGISTRATION",
  code: "D.4",
  label: "Registro de traductor jurado",
  prefix: "RT",
  applicantRoles: APPLICANTS,
  requiresDideduc: false,
  transitions: [
    submit({
      to: "MANAGER_REVIEW",
      roles: APPLICANTS,
      requiresDideduc: false,
      citizenMessage:
        "Su solicitud de registro fue enviada. El Encargado de Atención al Ciudadano revisará sus datos y la resolución o acuerdo. Le avisaremos por correo electrónico.",
    }),
    ...applicantExits({ submitted: "MANAGER_REVIEW", roles: APPLICANTS }),
    defineTransition({
      action: "reject",
      from: ["MANAGER_REVIEW"],
      to: "REJECTED",
      roles: MANAGER,
      scope: "CENTRAL",
      input: ZReasonInput,
      label: "Rechazar registro",
      citizenMessage: "Su solicitud de registro fue rechazada porque falta un requisito. Lea el motivo e inicie una nueva solicitud con lo indicado.",
    }),
    defineTransition({
      action: "accept",
      from: ["MANAGER_REVIEW"],
      to: "REGISTERED",
      roles: MANAGER,
      scope: "CENTRAL",
      input: ZNoInput,
      label: "Aceptar y registrar",
      citizenMessage: "Su registro como traductor jurado fue realizado. Ya puede certificar traducciones juradas en la plataforma.",
    }),
  ],
};
