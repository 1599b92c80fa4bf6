// The security headers of every response, in one place. Two kinds:
// - static ones, the same for every response (pages, route handlers, PDFs, uploads' JSON, static
//   files): set by next.config.ts `headers()`, which is fixed at build time;
// - per-request ones, for pages: set by proxy.ts (the CSP carries a fresh nonce on each request,
//   and HSTS follows the APP_BASE_URL the server runs with, not the one it was built with).
// Pure and edge-safe (Web Crypto only): the proxy bundle imports it.

// Features this app never uses, refused to the page and to anything it frames. Only features
// Chromium recognizes: an unknown name is reported as an error in the console (Debian's Chromium
// does not know "bluetooth"), which the e2e CSP watch fails on. Fullscreen stays available to our
// own pages: the embedded PDF viewer offers it.
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
];

// 128 random bits, base64: unguessable, and new on every request (a nonce that repeats is no nonce).
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function isHttpsBaseUrl(baseUrl: string | undefined): boolean {
  try {
    return new URL(baseUrl?.trim() ?? "").protocol === "https:";
  } catch {
    return false;
  }
}

// The page policy. Scripts: only those carrying this request's nonce (Next.js adds it to its own
// inline and bundle scripts, reading it from the request's CSP header) and what they load
// ('strict-dynamic'); no inline handlers, no eval outside development (React's dev tools use it).
// Styles: our stylesheets and Next's nonce-carrying inline styles; no style attributes in markup
// (under `next dev` any inline style, which its hot reload needs).
// Images also as data: and blob: URLs (a QR drawn in the page). Frames: only our own PDFs (the
// staff case pages embed them); our pages framed by nobody. Plain HTTP is upgraded only when the
// public address is HTTPS (on http://localhost it would break every request).
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // `next dev` injects its hot-reloaded styles without a nonce.
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

// One year, subdomains included, as recommended once a site is HTTPS-only. Never over plain HTTP
// (browsers ignore it there, and a demo on http://localhost must stay reachable).
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
