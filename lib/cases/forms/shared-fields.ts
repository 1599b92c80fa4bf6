import { z } from "zod";
import { validateCui } from "@/lib/identity/validate-cui";
import { safeText } from "@/lib/validation/safe-text";

// Zod pieces the citizen forms share (client-safe). Each form still owns its messages where they
// differ; the student/person block's messages default to the D.1.x wording.

// Lenient draft text: anything too long or of another type is dropped, never an error.
export const draftText = (max: number) => z.string().max(max).optional().catch(undefined);

// A required text field with the message shown when it is missing and when it is too long; hidden
// characters refused and NFC, as every text that may reach a certification (safe-text.ts).
export function requiredText(message: string, max: number, tooLong: string) {
  return safeText({ error: message }).trim().min(1, { error: message }).max(max, { error: tooLong });
}

// An optional text field: blank is stored as absent.
export function optionalText(max: number, tooLong: string) {
  return safeText()
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((v) => (v ? v : undefined));
}

// The person a document is about, as a draft keeps it.
export const ZPersonDraft = z
  .object({
    firstNames: draftText(120),
    lastNames: draftText(120),
    cui: draftText(20),
    birthDate: draftText(10),
  })
  .catch({})
  .default({});

export type TPersonMessages = {
  firstNames: string;
  lastNames: string;
  invalidCui: string;
  missing: string;
};

export const STUDENT_MESSAGES: TPersonMessages = {
  firstNames: "Escriba los nombres del estudiante.",
  lastNames: "Escriba los apellidos del estudiante.",
  invalidCui: "El CUI del estudiante no es válido: revise los 13 dígitos tal como aparecen en el DPI, o deje el campo vacío.",
  missing: "Escriba los datos del estudiante.",
};

// The person block for submission: names required, CUI and birth date optional but valid
// (a birth date cannot be after `now`).
export function ZPersonAt(now: Date, messages: TPersonMessages = STUDENT_MESSAGES) {
  return z.object(
    {
      firstNames: requiredText(messages.firstNames, 120, "Los nombres no pueden tener más de 120 caracteres."),
      lastNames: requiredText(messages.lastNames, 120, "Los apellidos no pueden tener más de 120 caracteres."),
      cui: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : undefined))
        .superRefine((v, ctx) => {
          if (v && !validateCui(v).ok) {
            ctx.addIssue({ code: "custom", message: messages.invalidCui });
          }
        }),
      birthDate: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : undefined))
        .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && Date.parse(v) <= now.getTime()), {
          error: "Escriba una fecha de nacimiento válida, o deje el campo vacío.",
        }),
    },
    { error: messages.missing },
  );
}

// Every message of a strict parse at once, keyed by field path ("student.cui"; "_form" for the root).
export function fieldErrors(schema: z.ZodType, formData: unknown): Record<string, string[]> {
  const parsed = schema.safeParse(formData);
  const errors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
      (errors[key] ??= []).push(issue.message);
    }
  }
  return errors;
}
