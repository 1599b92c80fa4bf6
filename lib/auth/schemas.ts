import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { validateCui } from "@/lib/identity/validate-cui";
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH } from "./check-password-policy";

// Input schemas of sign-in and registration. Pure (no server imports): forms may reuse them.

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const ZEmail = z
  .string({ error: "Escriba su correo electrónico." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Escriba su correo electrónico." })
  .max(254, { error: "El correo es demasiado largo." })
  .pipe(z.email({ error: "Escriba un correo válido, por ejemplo nombre@dominio.com." }));

export const ZSignIn = z.object({
  email: ZEmail,
  password: z
    .string({ error: "Escriba su contraseña." })
    .min(1, { error: "Escriba su contraseña." })
    .max(PASSWORD_MAX_LENGTH, { error: "Correo o contraseña incorrectos." }),
  callbackUrl: z.string().max(2000).optional(),
});
export type TSignIn = z.infer<typeof ZSignIn>;

// One message at a time, the most basic first ("write your name" before "add your surnames").
function fullNameProblem(name: string): string | null {
  if (name === "") return "Escriba su nombre completo.";
  if (name.length > 150) return "El nombre no puede tener más de 150 caracteres.";
  if (!/^[\p{L}][\p{L}\p{M}'’.\- ]*$/u.test(name)) return "El nombre solo puede llevar letras, espacios, apóstrofos, puntos y guiones.";
  if (name.split(" ").length < 2) return "Escriba sus nombres y apellidos, como aparecen en su DPI.";
  return null;
}

const ZFullName = safeText({ error: "Escriba su nombre completo." }).transform((value, ctx) => {
  const name = value.trim().replace(/\s+/g, " ");
  const problem = fullNameProblem(name);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return name;
});

const ZCuiField = z
  .string({ error: "Escriba su número de CUI (el número de su DPI)." })
  .transform((value, ctx) => {
    const result = validateCui(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.cui;
  });

// Guatemalan numbers have 8 digits; people write them "5512-3478", "5512 3478" or "+502 5512 3478".
const ZPhone = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const raw = value?.trim() ?? "";
    if (raw === "") return undefined;
    const digits = raw.replace(/[\s\-().]/g, "").replace(/^\+?502/, "");
    if (!/^\d{8}$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: "Escriba un teléfono de 8 dígitos, por ejemplo 5512-3478, o deje el campo vacío." });
      return z.NEVER;
    }
    return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  });

// A checkbox sends "on" when checked and nothing when not.
const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const ZCitizenRegistration = z
  .object({
    name: ZFullName,
    cui: ZCuiField,
    email: ZEmail,
    phone: ZPhone,
    password: z.string({ error: "Escriba una contraseña." }),
    passwordConfirmation: z.string({ error: "Escriba de nuevo la contraseña." }),
    // Sworn translators (D.4) register themselves like citizens, with another role.
    isTranslator: ZCheckbox,
  })
  .superRefine(
    (data, ctx) => {
      // Runs even when other fields failed (see `when`), so `email` may still be raw input here.
      const email = typeof data.email === "string" ? data.email : null;
      for (const message of checkPasswordPolicy(data.password, email)) {
        ctx.addIssue({ code: "custom", message, path: ["password"] });
      }
      if (data.passwordConfirmation === "") {
        ctx.addIssue({ code: "custom", message: "Escriba de nuevo la contraseña.", path: ["passwordConfirmation"] });
      } else if (data.password !== data.passwordConfirmation) {
        ctx.addIssue({ code: "custom", message: "Las contraseñas no coinciden.", path: ["passwordConfirmation"] });
      }
    },
    {
      // Report password problems together with the other fields' errors, not only after they are fixed.
      when: (payload) => {
        const v = payload.value as { password?: unknown; passwordConfirmation?: unknown } | undefined;
        return typeof v?.password === "string" && typeof v?.passwordConfirmation === "string";
      },
    },
  );
export type TCitizenRegistration = z.infer<typeof ZCitizenRegistration>;
export type TCitizenRegistrationInput = z.input<typeof ZCitizenRegistration>;

// The confirmation page's button: the token from the link (checked for shape by the domain).
export const ZRegistrationConfirmation = z.object({ token: z.string().max(200).default("") });
