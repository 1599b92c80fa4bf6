import { z } from "zod";
import { REQUESTABLE_DOCUMENTS, type TRequestableDocument } from "@/lib/workflow/inputs";

// What the staff forms post (client-safe: the forms and the server actions share these names).
// The workflow engine validates the transition's own input again with its schema; here only the
// envelope is checked: which case, at which version, and which action.

export const PKCS12_MAX_BYTES = 512 * 1024;

export const ZCaseRef = z.object({
  caseId: z.string().trim().min(1, { error: "Falta la solicitud." }).max(100),
  // The version the page showed: a click on an outdated page is refused, not applied twice.
  expectedVersion: z.coerce.number({ error: "Falta la versión de la solicitud." }).int().min(0),
});

// Transitions whose input is a reason, a supervision office, or nothing (see lib/workflow/inputs.ts).
// Field names match the engine's error keys ("reason", "supervision.name", …) so its field errors
// land next to the right input.
export const ZCaseActionForm = ZCaseRef.extend({
  action: z.string().regex(/^[a-z_]{1,60}$/, { error: "Acción no reconocida." }),
  reason: z.string().max(10_000).optional(),
  "supervision.name": z.string().max(1_000).optional(),
  "supervision.phone": z.string().max(1_000).optional(),
  "supervision.address": z.string().max(1_000).optional(),
  // D.2.1 "Rechazar y solicitar documentos": one checkbox per document, and where to obtain them.
  ...Object.fromEntries(REQUESTABLE_DOCUMENTS.map((d) => [`documents.${d}`, z.literal("on").optional()])) as Record<`documents.${TRequestableDocument}`, z.ZodOptional<z.ZodLiteral<"on">>>,
  "obtainAt.name": z.string().max(1_000).optional(),
  "obtainAt.phone": z.string().max(1_000).optional(),
  "obtainAt.address": z.string().max(1_000).optional(),
});
export type TCaseActionForm = z.output<typeof ZCaseActionForm>;

// The input object the workflow expects, from the flat form fields.
export function transitionInputOf(form: TCaseActionForm): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (form.reason !== undefined) input.reason = form.reason;
  const s = [form["supervision.name"], form["supervision.phone"], form["supervision.address"]];
  if (s.some((v) => v !== undefined)) {
    input.supervision = { name: s[0] ?? "", phone: s[1] ?? "", address: s[2] ?? "" };
  }
  const o = [form["obtainAt.name"], form["obtainAt.phone"], form["obtainAt.address"]];
  if (o.some((v) => v !== undefined)) {
    // None ticked stays an empty list, so the engine names the missing choice.
    input.documents = REQUESTABLE_DOCUMENTS.filter((d) => form[`documents.${d}`] === "on");
    input.obtainAt = { name: o[0] ?? "", phone: o[1] ?? "", address: o[2] ?? "" };
  }
  return input;
}

// "Anular certificación": the category, the internal note and the case number typed again. Only the
// envelope and sizes here; ZRevokeInput (lib/workflow/inputs) checks them with the case's number.
export const ZRevokeForm = ZCaseRef.extend({
  category: z.string().max(100).optional(),
  note: z.string().max(10_000).optional(),
  confirmNumber: z.string().max(200).optional(),
});
export type TRevokeForm = z.output<typeof ZRevokeForm>;

// The signing form: the certificate and its passphrase, for this signing only.
export const ZSigningForm = ZCaseRef.extend({
  pkcs12: z
    .instanceof(File, { error: "Seleccione el archivo de su certificado (.p12)." })
    .refine((f) => f.size > 0, { error: "Seleccione el archivo de su certificado (.p12)." })
    .refine((f) => f.size <= PKCS12_MAX_BYTES, { error: "El archivo es demasiado grande para ser un certificado (.p12)." }),
  passphrase: z
    .string({ error: "Escriba la contraseña del certificado." })
    .min(1, { error: "Escriba la contraseña del certificado." })
    .max(1_000, { error: "La contraseña es demasiado larga." }),
});
export type TSigningForm = z.output<typeof ZSigningForm>;
