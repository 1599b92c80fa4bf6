import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { STAFF_REVOCATION_CATEGORIES } from "@/lib/verification/revocation-categories";

// Inputs a transition may require. Every transition points at one of these schemas, so the
// generated tests know a valid example for each and a new shape cannot slip in untested.

export const REASON_MAX_LENGTH = 2000;
const CONTACT_FIELD_MAX_LENGTH = 300;

function requiredText(label: string, max: number, options: { multiline?: boolean } = {}) {
  return safeText({ error: `Indique ${label}.` }, options)
    .trim()
    .min(1, { error: `Indique ${label}.` })
    .max(max, { error: `${label[0].toUpperCase()}${label.slice(1)} no puede tener más de ${max} caracteres.` });
}

// The reason the citizen (or the office a case goes back to) reads.
export const ZReason = requiredText("el motivo", REASON_MAX_LENGTH, { multiline: true });

// Where the citizen is sent: name, phone and address of the Supervisión Educativa or another office.
export const ZContact = z.object(
  {
    name: requiredText("el nombre de la oficina", CONTACT_FIELD_MAX_LENGTH),
    phone: requiredText("el teléfono", 60),
    address: requiredText("la dirección", CONTACT_FIELD_MAX_LENGTH),
  },
  { error: "Indique el nombre, teléfono y dirección de la oficina." },
);
export type TContact = z.infer<typeof ZContact>;

// Nota 2 of D.2.1: the documents the DIDEDUC needs to verify a title.
export const REQUESTABLE_DOCUMENTS = ["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"] as const;
export const ZRequestableDocument = z.enum(REQUESTABLE_DOCUMENTS, { error: "Documento no reconocido." });
export type TRequestableDocument = z.infer<typeof ZRequestableDocument>;
export const REQUESTABLE_DOCUMENT_LABELS: Record<TRequestableDocument, string> = {
  CIERRE_DE_PENSUM: "Cierre de pensum",
  CERTIFICACION_GENERAL_DE_CURSOS: "Certificación general de cursos",
};

// Transitions that need nothing beyond the click; unknown keys are dropped, not stored.
export const ZNoInput = z.object({});
export type TNoInput = z.infer<typeof ZNoInput>;

export const ZReasonInput = z.object({ reason: ZReason });
export type TReasonInput = z.infer<typeof ZReasonInput>;

export const ZGuidanceInput = z.object({ reason: ZReason, supervision: ZContact });
export type TGuidanceInput = z.infer<typeof ZGuidanceInput>;

export const ZRequestDocumentsInput = z.object({
  reason: ZReason,
  documents: z
    .array(ZRequestableDocument, { error: "Indique qué documentos debe adjuntar el usuario." })
    .min(1, { error: "Indique qué documentos debe adjuntar el usuario." })
    .refine((docs) => new Set(docs).size === docs.length, { error: "Cada documento se indica una sola vez." }),
  obtainAt: ZContact,
});
export type TRequestDocumentsInput = z.infer<typeof ZRequestDocumentsInput>;

// A contact as stored in a guidance: `isPlaceholder` is set by transition() (mark-placeholder-contact.ts)
// when the phone or address is the seed's demonstration data, never taken from the reviewer's input.
export type TGuidanceContact = TContact & { isPlaceholder?: boolean };

// Stored in Case.guidance and shown to the citizen after a rejection that sends them elsewhere.
export type TGuidance =
  | { kind: "SUPERVISION"; contact: TGuidanceContact }
  | { kind: "REQUEST_DOCUMENTS"; documents: TRequestableDocument[]; contact: TGuidanceContact };

// Anulación: a public category, an internal note (never on the public page: not `reason`, which the
// applicant's page shows as lastNote), and the case number typed again to confirm.
export const ZRevokeInput = z.object({
  category: z.enum(STAFF_REVOCATION_CATEGORIES, { error: "Seleccione el motivo de la anulación." }),
  note: requiredText("la nota interna", REASON_MAX_LENGTH, { multiline: true }),
  confirmNumber: z.string({ error: "Escriba el número de la solicitud para confirmar." }).trim().min(1, { error: "Escriba el número de la solicitud para confirmar." }),
});
export type TRevokeInput = z.infer<typeof ZRevokeInput>;

// The system's own revocation when a corrected re-issue is issued: which case replaced it.
export const ZReplaceInput = z.object({ replacementCaseId: z.string().min(1) });
export type TReplaceInput = z.infer<typeof ZReplaceInput>;
