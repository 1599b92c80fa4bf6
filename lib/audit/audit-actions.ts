// The audit trail's actions in Spanish, for /admin/auditoria and its CSV (client-safe: no server
// code). An action missing here is shown by its code, so a new one is never hidden; the unit test
// tests/unit/audit/audit-actions.test.ts fails when an action written in lib/ has no label.
export const SIGN_IN_ACTION = "auth.sign_in";

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  // Case workflow (lib/workflow/definitions) and case operations.
  create: "Solicitud creada",
  submit: "Solicitud enviada",
  resubmit: "Correcciones enviadas",
  reject_for_correction: "Corrección solicitada",
  reject_with_guidance: "Rechazada con indicaciones",
  reject_requesting_documents: "Rechazada: se solicitan documentos",
  reject_definitively: "Rechazada definitivamente",
  reject: "Rechazada",
  generate_certification: "Certificación generada",
  sign: "Firmada por la Dirección Departamental",
  return: "Devuelta para corrección interna",
  return_to_signer: "Devuelta a la firma departamental",
  sign_and_issue: "Firmada y emitida",
  withdraw: "Solicitud retirada por quien la presentó",
  discard_draft: "Borrador eliminado",
  accept: "Registro aceptado",
  revoke: "Certificación anulada",
  start_reissue: "Reposición corregida iniciada",
  replace: "Reemplazada por la certificación corregida",
  share_link_created: "Enlace para compartir creado",
  share_link_revoked: "Enlace para compartir revocado",
  // "Tomar" a case for review (decision 0023) and the administration's idle time for it.
  "case.take": "Solicitud tomada para revisión",
  "case.release": "Solicitud liberada",
  "case.takeover": "Solicitud tomada tras inactividad de quien la revisaba",
  "admin.update_assignment_policy": "Tiempo de inactividad de «Tomar» modificado",
  // Sign-in and the person's own account.
  [SIGN_IN_ACTION]: "Ingreso al sistema",
  "auth.change_password": "Cambio de contraseña",
  "auth.request_password_reset": "Enlace para restablecer la contraseña solicitado",
  "auth.reset_password": "Contraseña restablecida con enlace",
  // Accounts and roles.
  "admin.create_account": "Cuenta creada",
  "admin.update_account": "Cuenta modificada (datos o roles)",
  "admin.deactivate_account": "Cuenta desactivada",
  "admin.reactivate_account": "Cuenta reactivada",
  "admin.reset_second_factor": "Segundo factor restablecido",
  // D.4 accepted for a citizen's account: the same account becomes a sworn translator's too.
  "account.grant_translator_role": "Cuenta habilitada como traductor jurado",
  // Delegations.
  create_delegation: "Delegación otorgada",
  revoke_delegation: "Delegación revocada",
  "admin.create_delegation": "Delegación registrada por la administración",
  // Registry of authorized signers and its change notices.
  "admin.register_signer": "Firmante autorizado registrado",
  "admin.revoke_signer": "Firmante autorizado revocado",
  "signer_change.submit": "Aviso de cambio de firmante enviado",
  "signer_change.accept": "Aviso de cambio de firmante aceptado",
  "signer_change.reject": "Aviso de cambio de firmante rechazado",
  "signer_change.register_signer": "Firmante registrado por aviso departamental",
  "signer_change.end_signer": "Firmante dado de baja por aviso departamental",
  // DIDEDUC directory.
  "admin.update_dideduc": "Datos de la DIDEDUC modificados",
  "admin.create_supervision": "Supervisión educativa agregada",
  "admin.update_supervision": "Supervisión educativa modificada",
  "admin.remove_supervision": "Supervisión educativa eliminada",
  // Service levels (issue #14, decision 0022).
  "admin.set_service_level": "Plazo de atención modificado",
  "admin.add_holiday": "Día de asueto agregado",
  "admin.remove_holiday": "Día de asueto quitado",
  // Registries.
  "admin.import_diplomas": "Importación del registro de títulos",
  "admin.register_translator": "Traductor jurado registrado",
  "admin.update_translator": "Registro de traductor jurado actualizado",
  "admin.deactivate_translator": "Traductor jurado desactivado",
  "admin.reactivate_translator": "Traductor jurado reactivado",
  "admin.set_translator_gender": "Forma de trato del traductor modificada",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
