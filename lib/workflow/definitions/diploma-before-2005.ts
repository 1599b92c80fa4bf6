import { ZRequestDocumentsInput } from "../inputs";
import { defineTransition, type TProcedureDefinition } from "../types";
import { DIDEDUC_REVIEWER } from "./common";
import { dideducPath } from "./educational-record";

// D.2.1 Título de diversificado, escolar antes de 2005 y toda la educación extraescolar:
// the D.1.1 path, plus one more reviewer outcome (Nota 2):
//
//   DIDEDUC_REVIEW --reject_requesting_documents (reviewer)--> REJECTED
//
// The DIDEDUC needs the cierre de pensum and/or the certificación general de cursos; the citizen
// is told where to obtain them and files a new request with them.
export const diplomaBefore2005: TProcedureDefinition = {
  procedure: "DIPLOMA_BEFORE_2005",
  code: "D.2.1",
  label: "Título de diversificado (escolar antes de 2005 y extraescolar)",
  prefix: "TA",
  applicantRoles: ["CITIZEN"],
  requiresDideduc: true,
  transitions: [
    ...dideducPath(["CITIZEN"]),
    defineTransition({
      action: "reject_requesting_documents",
      from: ["DIDEDUC_REVIEW"],
      to: "REJECTED",
      roles: DIDEDUC_REVIEWER,
      scope: "DIDEDUC",
      input: ZRequestDocumentsInput,
      label: "Rechazar y solicitar documentos",
      citizenMessage:
        "Para verificar su título, la Dirección Departamental necesita los documentos indicados. Solicítelos en el lugar indicado y después inicie una nueva solicitud adjuntándolos.",
      guidance: (input) => ({ kind: "REQUEST_DOCUMENTS", documents: input.documents, contact: input.obtainAt }),
    }),
  ],
};
