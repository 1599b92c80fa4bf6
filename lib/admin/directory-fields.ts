import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";

// Field schemas of the DIDEDUC directory. Client-safe.
const text = (label: string, max: number) =>
  safeText({ error: `Escriba ${label}.` }).trim().min(1, { error: `Escriba ${label}.` }).max(max, { error: `No puede tener más de ${max} caracteres.` });

export const ZDirectoryPhone = z
  .string({ error: "Escriba el teléfono." })
  .trim()
  .transform((value, ctx) => {
    const digits = value.replace(/[\s\-().]/g, "").replace(/^\+?502/, "");
    if (!/^\d{8}$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: "Escriba un teléfono de 8 dígitos, por ejemplo 7765-1234." });
      return z.NEVER;
    }
    return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  });

export const ZDideducFields = z.object({
  name: text("el nombre", 100),
  type: z.enum(["A", "B", "C"], { error: "Elija el tipo A, B o C." }),
  address: text("la dirección", 300),
  phone: ZDirectoryPhone,
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Escriba un correo válido, por ejemplo dideduc@mineduc.gob.gt." })),
});

export const ZSupervisionFields = z.object({
  name: text("el nombre de la supervisión", 150),
  phone: ZDirectoryPhone,
  address: text("la dirección", 300),
});
