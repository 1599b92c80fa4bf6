// Addresses of the "forgotten password" pages (client-safe: the forms link to them).
export const FORGOT_PASSWORD_PATH = "/contrasena/olvidada";
export const RESET_PASSWORD_PATH = "/contrasena/restablecer";
