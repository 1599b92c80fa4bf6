import { ZNoInput, ZReasonInput } from "../inputs";
import { defineTransition, type TProcedureDefinition } from "../types";
import { CENTRAL_ASSISTANT, MESSAGE_ISSUED, MESSAGE_NEEDS_CORRECTION, resubmit, submit } from "./common";

// D.1.2 Expediente de graduación (archivo 1974–1996): only the central office reviews it.
//
//   DRAFT --submit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject_for_correction--> NEEDS_CORRECTION --resubmit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --sign_and_issue--> ISSUED
export const graduationRecord: TProcedureDefinition = {
  procedure: "GRADUATION_RECORD",
  code: "D.1.2",
  label: "Expediente de graduación",
  prefix: "EG",
  applicantRoles: ["CITIZEN"],
  requiresDideduc: false,
  transitions: [
    submit({
      to: "CENTRAL_REVIEW",
      roles: ["CITIZEN"],
      requiresDideduc: false,
      citizenMessage:
        "Su solicitud fue enviada. Atención al Ciudadano del Ministerio de Educación verificará la firma del Archivo documental y los datos del expediente. Le avisaremos por correo electrónico.",
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
      label: "Generar certificación, firmar y emitir",
      citizenMessage: MESSAGE_ISSUED,
    }),
  ],
};
