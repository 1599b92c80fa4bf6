const DEFAULT_BASE_URL = "http://localhost:3000";

// The absolute URL the QR encodes: APP_BASE_URL (the public address, which may include a path
// prefix) + /verificar/<code>. It is printed on a signed document, so it must be the address
// citizens and institutions will reach, not the one the server happens to listen on.
export function verificationUrl(code: string, baseUrl: string | undefined = process.env.APP_BASE_URL): string {
  const base = new URL(baseUrl?.trim() || DEFAULT_BASE_URL);
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new Error(`APP_BASE_URL debe empezar con http:// o https:// (es ${base.protocol}).`);
  }
  const prefix = base.pathname.replace(/\/+$/, "");
  return `${base.origin}${prefix}/verificar/${encodeURIComponent(code)}`;
}
