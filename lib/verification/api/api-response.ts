import "server-only";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";
import type { TApiError, TApiErrorCode } from "./verification-api-schemas";

// Every answer of the verification API: JSON, never cached (a status can change to revoked at any
// time), and open to any origin. The API is public and takes no credentials, so
// "Access-Control-Allow-Origin: *" exposes nothing a plain request could not get: no cookies are
// read, and browsers never send them on such a cross-origin call.
const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  // A script on another origin may read these (by default it sees only the simple headers).
  "Access-Control-Expose-Headers": "Retry-After, X-Request-Id",
};

export function apiJson(body: unknown, status: number, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Request-Id": requestId,
      ...CORS_HEADERS,
      ...headers,
    },
  });
}

export function apiError(code: TApiErrorCode, status: number, requestId: string, options: { headers?: Record<string, string>; withRequestId?: boolean } = {}): Response {
  const body: TApiError = {
    error: {
      code,
      message: { es: VERIFICATION_TEXTS.es.apiErrors[code], en: VERIFICATION_TEXTS.en.apiErrors[code] },
      ...(options.withRequestId ? { requestId } : {}),
    },
  };
  return apiJson(body, status, requestId, options.headers);
}

// The answer to a browser's CORS preflight (OPTIONS). Content-Type is the only request header a
// caller needs beyond the simple ones (a JSON POST).
export function apiPreflight(methods: readonly string[]): Response {
  const allow = [...methods, "OPTIONS"].join(", ");
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": allow,
      "Access-Control-Allow-Headers": "Content-Type",
      "Access-Control-Max-Age": "86400",
      Allow: allow,
      "Cache-Control": "no-store",
    },
  });
}

export function apiMethodNotAllowed(methods: readonly string[], requestId: string): Response {
  return apiError("METHOD_NOT_ALLOWED", 405, requestId, { headers: { Allow: [...methods, "OPTIONS"].join(", ") } });
}

export function apiRateLimited(retryAfterSeconds: number, requestId: string): Response {
  return apiError("RATE_LIMITED", 429, requestId, { headers: { "Retry-After": String(retryAfterSeconds) } });
}
