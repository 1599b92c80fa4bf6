import { ZNoInput, ZReasonInput } from "../inputs";
import { defineTransition, type TProcedureDefinition } from "../types";
import { CENTRAL_ASSISTANT, MESSAGE_ISSUED, MESSAGE_NEEDS_CORRECTION, resubmit, submit } from "./common";

// D.2.2 Título de diversificado, escolar desde 2005: the title registry replaces the DIDEDUC's review.
//
//   DRAFT --submit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject_for_correction (with reason)--> NEEDS_CORRECTION --resubmit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --sign_and_issue--> ISSUED
export const diplomaFrom2005: TProcedureDefinition = {
  procedure: "DIPLOMA_FROM_2005",
  code: "D.2.2",
  label: "Título de diversificado (escolar, 2005 en adelante)",
  prefix: "TB",
  applicantRoles: ["CITIZEN"],
  requiresDideduc: false,
  transitions: [
    submit({
      to: "CENTRAL_REVIEW",
      roles: ["CITIZEN"],
      requiresDideduc: false,
      citizenMessage:
        "Su solicitud fue enviada. Atención al Ciudadano del Ministerio de Educación comparará su título con el registro de títulos. Le avisaremos por correo electrónico.",
    }),
    defineTransition({
      action: "reject_for_correction",
      from: ["CENTRAL_REVIEW"],
      to: "NEEDS_CORRECTION",
      roles: CENTRAL_ASSISTANT,
      scope: "CENTRAL",
      input: ZReasonInput,
      label: "Rechazar para corrección",
      citizenMessage: MESSAGE_NEEDS_CORRECTION,
    }),
    resubmit({
      to: "CENTRAL_REVIEW",
      roles: ["CITIZEN"],
      requiresDideduc: false,
      citizenMessage: "Sus correcciones fueron enviadas. Atención al Ciudadano revisará de nuevo su solicitud.",
    }),
    defineTransition({
      action: "sign_and_issue",
      from: ["CENTRAL_REVIEW"],
      to: "ISSUED",
      roles: CENTRAL_ASSISTANT,
      scope: "CENTRAL",
      input: ZNoInput,
      label: "Firmar y emitir",
      citizenMessage: MESSAGE_ISSUED,
    }),
  ],
};
