import { z } from "zod";

// Input of the code step. Pure: the form may reuse it.
export const ZSecondFactorCode = z.object({
  code: z
    .string({ error: "Escriba el código de 6 dígitos." })
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "Escriba el código de 6 dígitos que muestra su aplicación." })),
  callbackUrl: z.string().max(2000).optional(),
});

export const ZRecoveryCode = z.object({
  recoveryCode: z
    .string({ error: "Escriba uno de sus códigos de recuperación." })
    .trim()
    .min(1, { error: "Escriba uno de sus códigos de recuperación." })
    .max(40, { error: "El código de recuperación no es correcto o ya se usó." }),
  callbackUrl: z.string().max(2000).optional(),
});
