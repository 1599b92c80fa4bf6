// Client-safe copies of the sign-in refusals (authenticate-credentials.ts is server-only).
export const INVALID_CREDENTIALS_MESSAGE = "Correo o contraseña incorrectos.";
export const INACTIVE_ACCOUNT_MESSAGE =
  "Su cuenta está desactivada. Si cree que es un error, comuníquese con la administración del sistema.";
