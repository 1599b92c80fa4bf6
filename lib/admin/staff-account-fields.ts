import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { ZEmail } from "@/lib/auth/schemas";
import { validateCui } from "@/lib/identity/validate-cui";
import type { Role } from "@/lib/generated/prisma/enums";

// Field schemas shared by creating and editing staff accounts. Client-safe (no server imports).

// Accounts made here are staff: citizens and translators register themselves.
export const STAFF_ROLES = [
  "DIDEDUC_REVIEWER",
  "DIDEDUC_SIGNER",
  "CENTRAL_ASSISTANT",
  "CENTRAL_COORDINATOR",
  "CENTRAL_MANAGER",
  "ADMIN",
] as const satisfies readonly Role[];
export type TStaffRole = (typeof STAFF_ROLES)[number];

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZStaffName = safeText({ error: "Escriba el nombre completo." })
  .trim()
  .transform((v) => v.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, { error: "Escriba el nombre completo." })
      .max(150, { error: "El nombre no puede tener más de 150 caracteres." })
      .regex(/^[\p{L}][\p{L}\p{M}'’.\- ]*$/u, { error: "El nombre solo puede llevar letras, espacios, apóstrofos, puntos y guiones." })
      .refine((v) => v.split(" ").length >= 2, { error: "Escriba nombres y apellidos." }),
  );

export const ZStaffEmail = ZEmail;

export const ZOptionalCui = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const result = validateCui(value);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: result.message.replace("su DPI", "el DPI").replace("Escriba su", "Escriba el") });
        return z.NEVER;
      }
      return result.cui;
    }),
);

export const ZOptionalPhone = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const digits = value.trim().replace(/[\s\-().]/g, "").replace(/^\+?502/, "");
      if (!/^\d{8}$/.test(digits)) {
        ctx.addIssue({ code: "custom", message: "Escriba un teléfono de 8 dígitos, por ejemplo 2411-9595, o deje el campo vacío." });
        return z.NEVER;
      }
      return `${digits.slice(0, 4)}-${digits.slice(4)}`;
    }),
);

export const ZPost = z.preprocess(
  blankToUndefined,
  safeText().trim().max(150, { error: "El puesto no puede tener más de 150 caracteres." }).optional(),
);

export const ZStaffRoles = z
  .array(z.enum(STAFF_ROLES, { error: "Ese rol no se asigna desde aquí: usuarios y traductores crean su propia cuenta." }))
  .transform((roles) => [...new Set(roles)]);

export const ZOptionalDideducId = z.preprocess(blankToUndefined, z.string().trim().max(100).optional());

export const DIDEDUC_REQUIRED_MESSAGE = "Los roles de DIDEDUC (revisión o firma) requieren elegir la Dirección Departamental.";

// Staff of a DIDEDUC may hold no role of their own: they act only through a delegation (Nota 2/3).
export const NO_ROLE_MESSAGE = "Marque al menos un rol, o elija la DIDEDUC si la persona solo actuará por delegación.";
