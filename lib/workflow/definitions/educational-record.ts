import type { Role } from "@/lib/generated/prisma/enums";
import { DIDEDUC_SIGNER_WHO } from "@/lib/registry/dideduc-signer-posts";
import { ZGuidanceInput, ZNoInput, ZReasonInput } from "../inputs";
import { defineTransition, type TProcedureDefinition, type TTransitionDefinition } from "../types";
import { CENTRAL_ASSISTANT, DIDEDUC_REVIEWER, DIDEDUC_SIGNER, MESSAGE_NEEDS_CORRECTION, resubmit, revocation, signAndIssue, submit, applicantExits } from "./common";

// D.1.1 Expediente educativo (escolar o extraescolar):
//
//   DRAFT --submit--> DIDEDUC_REVIEW
//   DIDEDUC_REVIEW --reject_for_correction (reviewer)--> NEEDS_CORRECTION --resubmit (citizen)--> DIDEDUC_REVIEW
//   DIDEDUC_REVIEW --reject_with_guidance (reviewer)--> REJECTED
//   DIDEDUC_REVIEW --generate_certification (reviewer)--> DIDEDUC_SIGNATURE
//   DIDEDUC_SIGNATURE --sign (signer)--> CENTRAL_REVIEW
//   DIDEDUC_SIGNATURE --return (signer, note)--> DIDEDUC_REVIEW
//   DIDEDUC_SIGNATURE --reject_definitively (signer)--> REJECTED
//   CENTRAL_REVIEW --return_to_signer (assistant|coordinator, note to the DIDEDUC)--> DIDEDUC_SIGNATURE
//   CENTRAL_REVIEW --return (assistant|coordinator, note to the DIDEDUC)--> DIDEDUC_REVIEW
//   CENTRAL_REVIEW --sign_and_issue (assistant|coordinator)--> ISSUED
//
// "return" appears twice, from different states; the engine picks the one that leaves the case's state.
//
// The central office's two ways back (issue #12, decision 0012). Activity 7, Nota: "se podrá devolver
// a la etapa anterior para su corrección, y se le indica a la Departamental de Educación la corrección
// que deben de realizar". The previous step is the DIDEDUC's signature: return_to_signer keeps the
// generated sheet (same sheet, same verification code) and voids the DIDEDUC's signed version
// (lib/cases/signing/supersede-signed-versions.ts), so the signer signs the unsigned sheet again, or
// sends it on to the technical review with the signer's own `return`. `return` goes straight to the
// technical review, which generates a new sheet, when the central office already knows the data is wrong.
// The central office cannot reject definitively here: the procedure gives it only the return.

// D.2.1 reuses this whole path (procedures.md: "same path as D.1.1").
export function dideducPath(applicantRoles: readonly Role[]): TTransitionDefinition[] {
  return [
    submit({
      to: "DIDEDUC_REVIEW",
      roles: applicantRoles,
      requiresDideduc: true,
      citizenMessage:
        "Su solicitud fue enviada. El Departamento Técnico Pedagógico de la Dirección Departamental de Educación revisará sus documentos. Le avisaremos por correo electrónico.",
    }),
    ...applicantExits({ submitted: "DIDEDUC_REVIEW", roles: applicantRoles }),
    defineTransition({
      action: "reject_for_correction",
      from: ["DIDEDUC_REVIEW"],
      to: "NEEDS_CORRECTION",
      roles: DIDEDUC_REVIEWER,
      scope: "DIDEDUC",
      input: ZReasonInput,
      label: "Rechazar para corrección",
      citizenMessage: MESSAGE_NEEDS_CORRECTION,
    }),
    resubmit({
      to: "DIDEDUC_REVIEW",
      roles: applicantRoles,
      requiresDideduc: true,
      citizenMessage: "Sus correcciones fueron enviadas. La Dirección Departamental de Educación revisará de nuevo su solicitud.",
    }),
    defineTransition({
      action: "reject_with_guidance",
      from: ["DIDEDUC_REVIEW"],
      to: "REJECTED",
      roles: DIDEDUC_REVIEWER,
      scope: "DIDEDUC",
      input: ZGuidanceInput,
      label: "Rechazar e indicar dónde acudir",
      citizenMessage:
        "No fue posible verificar sus documentos en los registros de la Dirección Departamental. Acuda a la oficina indicada para que le extiendan una certificación y después inicie una nueva solicitud con ella.",
      guidance: (input) => ({ kind: "SUPERVISION", contact: input.supervision }),
    }),
    defineTransition({
      action: "generate_certification",
      from: ["DIDEDUC_REVIEW"],
      to: "DIDEDUC_SIGNATURE",
      roles: DIDEDUC_REVIEWER,
      scope: "DIDEDUC",
      input: ZNoInput,
      label: "Generar certificación y trasladar a firma",
      citizenMessage: "Sus documentos fueron verificados. La certificación espera la firma electrónica avanzada de la Dirección Departamental.",
    }),
    defineTransition({
      action: "sign",
      from: ["DIDEDUC_SIGNATURE"],
      to: "CENTRAL_REVIEW",
      roles: DIDEDUC_SIGNER,
      scope: "DIDEDUC",
      input: ZNoInput,
      label: "Firmar certificación",
      citizenMessage:
        "La Dirección Departamental firmó su certificación. Atención al Ciudadano del Ministerio de Educación la revisará y la firmará.",
    }),
    defineTransition({
      action: "return",
      from: ["DIDEDUC_SIGNATURE"],
      to: "DIDEDUC_REVIEW",
      roles: DIDEDUC_SIGNER,
      scope: "DIDEDUC",
      input: ZReasonInput,
      label: "Devolver al Departamento Técnico Pedagógico",
      citizenMessage: "La Dirección Departamental está corrigiendo la certificación. Usted no necesita hacer nada.",
    }),
    defineTransition({
      action: "reject_definitively",
      from: ["DIDEDUC_SIGNATURE"],
      to: "REJECTED",
      roles: DIDEDUC_SIGNER,
      scope: "DIDEDUC",
      input: ZReasonInput,
      label: "Rechazar definitivamente",
      citizenMessage: "Su solicitud fue rechazada de forma definitiva por la Dirección Departamental de Educación. Lea el motivo indicado.",
    }),
    defineTransition({
      action: "return_to_signer",
      from: ["CENTRAL_REVIEW"],
      to: "DIDEDUC_SIGNATURE",
      roles: CENTRAL_ASSISTANT,
      scope: "CENTRAL",
      input: ZReasonInput,
      label: "Devolver a la firma de la Dirección Departamental",
      help: `Vuelve a ${DIDEDUC_SIGNER_WHO} con la misma certificación (mismo código de verificación). Su firma deja de valer: debe firmarla de nuevo, o devolverla al Departamento Técnico Pedagógico si hay datos que corregir. Por ejemplo, si la firma no corresponde a la persona autorizada.`,
      citizenMessage:
        "Atención al Ciudadano devolvió la certificación a la Dirección Departamental para que la revise y la firme de nuevo. Usted no necesita hacer nada.",
    }),
    defineTransition({
      action: "return",
      from: ["CENTRAL_REVIEW"],
      to: "DIDEDUC_REVIEW",
      roles: CENTRAL_ASSISTANT,
      scope: "CENTRAL",
      input: ZReasonInput,
      label: "Devolver a la revisión técnica de la Dirección Departamental",
      help: `Vuelve al Departamento Técnico Pedagógico, que corrige los datos y genera una certificación nueva; después la firma otra vez ${DIDEDUC_SIGNER_WHO}. Por ejemplo, si un dato de la certificación no corresponde al estudiante o a los estudios.`,
      citizenMessage:
        "Atención al Ciudadano devolvió la certificación a la Dirección Departamental para una corrección. Usted no necesita hacer nada.",
    }),
    signAndIssue(),
    ...revocation(),
  ];
}

export const educationalRecord: TProcedureDefinition = {
  procedure: "EDUCATIONAL_RECORD",
  code: "D.1.1",
  label: "Expediente educativo",
  prefix: "EE",
  applicantRoles: ["CITIZEN"],
  requiresDideduc: true,
  transitions: dideducPath(["CITIZEN"]),
};
