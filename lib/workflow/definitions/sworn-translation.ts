import { ZReasonInput } from "../inputs";
import { defineTransition, type TProcedureDefinition } from "../types";
import { applicantExits, CENTRAL_ASSISTANT, revocation, signAndIssue, submit } from "./common";

// D.3 Certificación de traducción jurada:
//
//   DRAFT --submit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject (reason, e-mailed; the citizen corrects and starts again)--> REJECTED
//   CENTRAL_REVIEW --sign_and_issue--> ISSUED
//
// The procedure calls the applicant "Usuario": a citizen, or the registered translator filing
// their own translation, may file it.
const APPLICANTS = ["CITIZEN", "TRANSLATOR"] as const;

export const swornTranslation: TProcedureDefinition = {
  procedure: "SWORN_TRANSLATION",
  code: "D.3",
  label: "Certificación de traducción jurada",
  prefix: "CT",
  applicantRoles: APPLICANTS,
  requiresDideduc: false,
  transitions: [
    submit({
      to: "CENTRAL_REVIEW",
      roles: APPLICANTS,
      requiresDideduc: false,
      citizenMessage:
        "Su solicitud fue enviada. Atención al Ciudadano verificará que el traductor jurado esté registrado y autorizado para el idioma. Le avisaremos por correo electrónico.",
    }),
    ...applicantExits({ submitted: "CENTRAL_REVIEW", roles: APPLICANTS }),
    defineTransition({
      action: "reject",
      from: ["CENTRAL_REVIEW"],
      to: "REJECTED",
      roles: CENTRAL_ASSISTANT,
      scope: "CENTRAL",
      input: ZReasonInput,
      label: "Rechazar",
      citizenMessage:
        "Su solicitud fue rechazada. Lea el motivo, corrija lo indicado e inicie una nueva solicitud; puede partir de los datos de esta.",
    }),
    signAndIssue(),
    ...revocation(),
  ],
};
