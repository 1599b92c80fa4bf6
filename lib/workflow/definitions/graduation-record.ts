import type { TProcedureDefinition } from "../types";
import { centralReviewPath } from "./common";

// D.1.2 Expediente de graduación (archivo 1974–1996): only the central office reviews it.
//
//   DRAFT --submit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject_for_correction--> NEEDS_CORRECTION --resubmit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject_definitively (assistant|coordinator, reason; e.g. a forged document)--> REJECTED
//   CENTRAL_REVIEW --sign_and_issue--> ISSUED
export const graduationRecord: TProcedureDefinition = {
  procedure: "GRADUATION_RECORD",
  code: "D.1.2",
  label: "Expediente de graduación",
  prefix: "EG",
  applicantRoles: ["CITIZEN"],
  requiresDideduc: false,
  transitions: centralReviewPath({
    submitMessage:
      "Su solicitud fue enviada. Atención al Ciudadano del Ministerio de Educación verificará la firma del Archivo documental y los datos del expediente. Le avisaremos por correo electrónico.",
    issueLabel: "Generar certificación, firmar y emitir",
  }),
};
