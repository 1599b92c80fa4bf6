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

// Browser signing (issue #13, decision 0017): the .p12 and its passphrase never reach the server.
// The browser reports its certificate chain and, later, the signature value over the signed
// attributes the server issued; both as base64, each bounded so a crafted request cannot make the
// server decode megabytes.
export const SIGNING_CERTIFICATES_MAX = 10;
// A DER certificate is a few KB; 16 KB leaves room for long extensions.
export const CERTIFICATE_DER_MAX_BYTES = 16 * 1024;
// RSA-8192 gives 1024 bytes; an ECDSA P-256 DER value about 72.
export const SIGNATURE_VALUE_MAX_BYTES = 1024;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const base64Der = (maxBytes: number, tooLong: string) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4, { error: tooLong })
    .regex(BASE64, { error: "Los datos recibidos del navegador no son válidos." })
    .refine((b64) => b64.length % 4 === 0, { error: "Los datos recibidos del navegador no son válidos." })
    .transform((b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));

export const ZPrepareSigningForm = ZCaseRef.extend({
  // The signer's certificate first, then its issuers, as read from the .p12 in the browser.
  certificates: z
    .array(base64Der(CERTIFICATE_DER_MAX_BYTES, "Un certificado del archivo es demasiado grande."), { error: "Falta el certificado del firmante." })
    .min(1, { error: "Falta el certificado del firmante." })
    .max(SIGNING_CERTIFICATES_MAX, { error: "El archivo trae demasiados certificados." }),
});
export type TPrepareSigningForm = z.output<typeof ZPrepareSigningForm>;

export const ZCompleteSigningForm = z.object({
  preparedSigningId: z.string().trim().min(1, { error: "Falta la firma preparada." }).max(100),
  signatureValue: base64Der(SIGNATURE_VALUE_MAX_BYTES, "La firma recibida es demasiado larga."),
});
export type TCompleteSigningForm = z.output<typeof ZCompleteSigningForm>;

// What prepare answers the browser (serializable: the date as ISO text).
export type TPreparedSigningAnswer = { preparedSigningId: string; signedAttributes: string; expiresAt: string; keyAlgorithm: "RSA" | "ECDSA-P256" };
export type TCompletedSigningAnswer = { version: number; state: string };
