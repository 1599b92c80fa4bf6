import type { ComponentProps } from "react";
import { TextField } from "@/components/ui/text-field";

// The e-mail of the person's own account (sign in, register, forgotten password): the «email»
// field, typed with the phone's e-mail keyboard and never spell-checked. `autoComplete` is
// "username" where a password manager should pair it with the password (sign in).
export function AccountEmailField({ autoComplete = "email", ...field }: Omit<ComponentProps<typeof TextField>, "name" | "type" | "label">) {
  return <TextField name="email" type="email" label="Correo electrónico" autoComplete={autoComplete} inputMode="email" spellCheck={false} {...field} />;
}
