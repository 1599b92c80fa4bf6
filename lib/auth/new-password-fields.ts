import { z } from "zod";
import { DomainError, type TFieldErrors } from "@/lib/errors";

// The new password typed twice, as "Mi cuenta" (change-password.ts) and the reset link
// (reset-password.ts) both ask for it: one set of messages for the two forms.
export const newPasswordFields = {
  newPassword: z.string({ error: "Escriba la nueva contraseña." }),
  newPasswordConfirmation: z.string({ error: "Escriba de nuevo la nueva contraseña." }),
};

export function checkNewPasswordConfirmation(data: { newPassword: string; newPasswordConfirmation: string }, ctx: z.RefinementCtx): void {
  if (data.newPasswordConfirmation === "") {
    ctx.addIssue({ code: "custom", message: "Escriba de nuevo la nueva contraseña.", path: ["newPasswordConfirmation"] });
  } else if (data.newPassword !== data.newPasswordConfirmation) {
    ctx.addIssue({ code: "custom", message: "Las contraseñas no coinciden.", path: ["newPasswordConfirmation"] });
  }
}

// A refusal the person fixes in the form (the password policy, the current password).
export function invalidPasswordForm(fieldErrors: TFieldErrors): DomainError {
  return new DomainError("INVALID_INPUT", "Revise los datos marcados en el formulario.", fieldErrors);
}
