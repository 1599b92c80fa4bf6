import type { TProcedureDefinition } from "../types";
import { centralReviewPath } from "./common";

// D.2.2 Título de diversificado, escolar desde 2005: the title registry replaces the DIDEDUC's review.
//
//   DRAFT --submit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject_for_correction (with reason)--> NEEDS_CORRECTION --resubmit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject_definitively (assistant|coordinator, reason; e.g. a forged document)--> REJECTED
//   CENTRAL_REVIEW --sign_and_issue--> ISSUED
export const diplomaFrom2005: TProcedureDefinition = {
  procedure: "DIPLOMA_FROM_2005",
  code: "D.2.2",
  label: "Título de diversificado (escolar, 2005 en adelante)",
  prefix: "TB",
  applicantRoles: ["CITIZEN"],
  requiresDideduc: false,
  transitions: centralReviewPath({
    submitMessage:
      "Su solicitud fue enviada. Atención al Ciudadano del Ministerio de Educación comparará su título con el registro de títulos. Le avisaremos por correo electrónico.",
  }),
};
