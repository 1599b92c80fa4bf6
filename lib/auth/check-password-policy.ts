// The password policy for self-registered accounts, as messages for the person typing it.
// Pure and client-safe. Long passphrases are welcome; the upper bound only keeps argon2 cheap.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_RULES_TEXT = `Al menos ${PASSWORD_MIN_LENGTH} caracteres, con letras y números, y distinta de su correo.`;

export function checkPasswordPolicy(password: string, email?: string | null): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`La contraseña no puede tener más de ${PASSWORD_MAX_LENGTH} caracteres.`);
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) problems.push("La contraseña debe combinar letras y números.");
  const mail = email?.trim().toLowerCase();
  if (mail) {
    const typed = password.trim().toLowerCase();
    const local = mail.split("@")[0];
    if (typed === mail || (local && typed === local)) problems.push("La contraseña no puede ser su correo electrónico.");
  }
  return problems;
}
