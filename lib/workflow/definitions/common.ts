import type { Role } from "@/lib/generated/prisma/enums";
import { ZNoInput, ZReasonInput, ZReplaceInput, ZRevokeInput } from "../inputs";
import { defineTransition, type TCaseLike, type TFieldErrors, type TTransitionDefinition } from "../types";

// Building blocks shared by several procedures. Each procedure file still lists its transitions
// in order, so it reads like the diagram in procedures.md.

// The central office's assistant; the coordinator inherits it through expandRoles().
export const CENTRAL_ASSISTANT: readonly Role[] = ["CENTRAL_ASSISTANT"];
export const DIDEDUC_REVIEWER: readonly Role[] = ["DIDEDUC_REVIEWER"];
export const DIDEDUC_SIGNER: readonly Role[] = ["DIDEDUC_SIGNER"];

function requireDideduc(c: TCaseLike): TFieldErrors | null {
  return c.dideducId ? null : { dideducId: ["Seleccione la Dirección Departamental de Educación a la que corresponden los documentos."] };
}

export function submit(opts: { to: TTransitionDefinition["to"]; roles: readonly Role[]; requiresDideduc: boolean; citizenMessage: string }) {
  return defineTransition({
    action: "submit",
    from: ["DRAFT"],
    to: opts.to,
    roles: opts.roles,
    scope: "APPLICANT",
    input: ZNoInput,
    label: "Enviar solicitud",
    citizenMessage: opts.citizenMessage,
    guard: opts.requiresDideduc ? requireDideduc : undefined,
  });
}

export function resubmit(opts: { to: TTransitionDefinition["to"]; roles: readonly Role[]; requiresDideduc: boolean; citizenMessage: string }) {
  return defineTransition({
    action: "resubmit",
    from: ["NEEDS_CORRECTION"],
    to: opts.to,
    roles: opts.roles,
    scope: "APPLICANT",
    input: ZNoInput,
    label: "Enviar correcciones",
    citizenMessage: opts.citizenMessage,
    guard: opts.requiresDideduc ? requireDideduc : undefined,
  });
}

// The applicant's own ways out (issue #14; decision 0020), listed right after `submit` in every
// procedure:
//
//   DRAFT --discard_draft (applicant)--> DISCARDED       (the draft is deleted: data cleared, files released)
//   <submitted state> --withdraw (applicant; no staff action yet)--> WITHDRAWN
//
// "No staff action yet" is read from the audit trail (TCaseLike.staffActed): a request that the
// staff has returned, reviewed or started (a corrected re-issue) is no longer the applicant's alone.
export const WITHDRAW_REFUSED_MESSAGE =
  "Esta solicitud ya no se puede retirar: el personal del Ministerio ya actuó sobre ella. Si necesita detenerla, comuníquese con Atención al Ciudadano.";

function noStaffActionYet(c: TCaseLike): TFieldErrors | null {
  // Unknown (a caller that did not read the audit trail) counts as "acted": never withdraw blindly.
  return c.staffActed === false ? null : { _form: [WITHDRAW_REFUSED_MESSAGE] };
}

export function applicantExits(opts: { submitted: TTransitionDefinition["to"]; roles: readonly Role[] }): TTransitionDefinition[] {
  return [
    defineTransition({
      action: "discard_draft",
      from: ["DRAFT"],
      to: "DISCARDED",
      roles: opts.roles,
      scope: "APPLICANT",
      input: ZNoInput,
      label: "Eliminar borrador",
      citizenMessage: "Usted eliminó este borrador; sus datos y archivos ya no se conservan.",
    }),
    defineTransition({
      action: "withdraw",
      from: [opts.submitted],
      to: "WITHDRAWN",
      roles: opts.roles,
      scope: "APPLICANT",
      input: ZNoInput,
      label: "Retirar solicitud",
      citizenMessage: "Usted retiró esta solicitud antes de que fuera revisada. Si lo necesita, puede iniciar una nueva.",
      guard: noStaffActionYet,
      hideWhenGuarded: true,
    }),
  ];
}

export const MESSAGE_NEEDS_CORRECTION =
  "Su solicitud necesita correcciones. Lea el motivo, corrija la información o los documentos en esta misma solicitud y vuelva a enviarla.";

export const MESSAGE_ISSUED =
  "Su certificación fue emitida con firma electrónica avanzada y código QR. Descargue el PDF. Si necesita apostillarlo, súbalo a la plataforma del Ministerio de Relaciones Exteriores.";

// The last step of every procedure the central office issues.
export function signAndIssue(label = "Firmar y emitir") {
  return defineTransition({
    action: "sign_and_issue",
    from: ["CENTRAL_REVIEW"],
    to: "ISSUED",
    roles: CENTRAL_ASSISTANT,
    scope: "CENTRAL",
    input: ZNoInput,
    label,
    citizenMessage: MESSAGE_ISSUED,
  });
}

// The path of a procedure only the central office reviews (D.1.2, D.2.2):
//
//   DRAFT --submit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject_for_correction (with reason)--> NEEDS_CORRECTION --resubmit--> CENTRAL_REVIEW
//   CENTRAL_REVIEW --reject_definitively (with reason)--> REJECTED
//   CENTRAL_REVIEW --sign_and_issue--> ISSUED
//
// reject_definitively (issue #12): D.1.2 asks the office to check "que la información no se encuentra
// alterada"; a forged or altered archive record or title is not something the citizen can correct,
// and a rejection for correction would let the same file be sent again and again.
export function centralReviewPath(opts: { submitMessage: string; issueLabel?: string }) {
  return [
    submit({
      to: "CENTRAL_REVIEW",
      roles: ["CITIZEN"],
      requiresDideduc: false,
      citizenMessage: opts.submitMessage,
    }),
    ...applicantExits({ submitted: "CENTRAL_REVIEW", roles: ["CITIZEN"] }),
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
      action: "reject_definitively",
      from: ["CENTRAL_REVIEW"],
      to: "REJECTED",
      roles: CENTRAL_ASSISTANT,
      scope: "CENTRAL",
      input: ZReasonInput,
      label: "Rechazar definitivamente",
      help: "Para lo que no se puede corregir, por ejemplo un documento alterado o falsificado: la solicitud termina y no vuelve a la persona. Si la persona puede corregir el error, use «Rechazar para corrección».",
      citizenMessage:
        "Su solicitud fue rechazada de forma definitiva por Atención al Ciudadano del Ministerio de Educación. Lea el motivo indicado; esta solicitud no puede corregirse ni enviarse de nuevo.",
    }),
    signAndIssue(opts.issueLabel),
    ...revocation(),
  ];
}

// After issuance (every procedure that issues a certification):
//
//   ISSUED --revoke (manager|coordinator: category, internal note, case number typed)--> REVOKED
//   ISSUED --replace (system, when a corrected re-issue of it is issued)--> REVOKED
export const REVOKERS: readonly Role[] = ["CENTRAL_MANAGER", "CENTRAL_COORDINATOR"];

export function revocation(): TTransitionDefinition[] {
  return [
    defineTransition({
      action: "revoke",
      from: ["ISSUED"],
      to: "REVOKED",
      roles: REVOKERS,
      scope: "CENTRAL",
      input: ZRevokeInput,
      label: "Anular certificación",
      citizenMessage:
        "Su certificación fue anulada: ya no es válida y la página de verificación lo indica. Si tiene dudas, comuníquese con Atención al Ciudadano del Ministerio de Educación.",
      checkInput: (c, input) =>
        c.number && input.confirmNumber.toUpperCase() === c.number.toUpperCase()
          ? null
          : { confirmNumber: [`Escriba exactamente el número de la solicitud (${c.number ?? ""}) para confirmar la anulación.`] },
      record: (input, now) => ({ revokedAt: now, revocationCategory: input.category, revokedReason: input.note }),
    }),
    defineTransition({
      action: "replace",
      from: ["ISSUED"],
      to: "REVOKED",
      roles: [...CENTRAL_ASSISTANT, "CENTRAL_MANAGER"],
      scope: "CENTRAL",
      input: ZReplaceInput,
      label: "Reemplazar por la certificación corregida",
      citizenMessage: "Esta certificación fue reemplazada por una certificación corregida: use la nueva.",
      record: (_input, now) => ({ revokedAt: now, revocationCategory: "REPLACED", revokedReason: null }),
      internal: true,
    }),
  ];
}
