import NextAuth, { type NextAuthRequest } from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { segmentOfPath } from "@/lib/auth/route-access";
import { documentLocale, isBilingualPath, LOCALE_REQUEST_HEADER } from "@/lib/i18n/document-locale";
import { contentSecurityPolicy, createNonce, isHttpsBaseUrl, STRICT_TRANSPORT_SECURITY } from "@/lib/security/security-headers";
import { authConfig } from "./auth.config";

// Two jobs, and never the only check of anything:
// 1. Redirects: signed-out visitors of a staff or citizen area go to /ingresar, signed-in people
//    without the area's role to /no-autorizado (auth.config.ts `authorized`; every layout, page,
//    route and action checks again, see lib/auth/require-*).
// 2. Headers per request: the Content-Security-Policy with this request's nonce (set on the request
//    too: Next.js reads the nonce from it and adds it to its scripts), frame denial, and HSTS when
//    the public address is HTTPS. The static headers come from next.config.ts. And the page's
//    language for the root layout's <html lang> (lib/i18n/document-locale.ts).
const { auth } = NextAuth(authConfig);
const guardRoleArea = auth((request: NextAuthRequest, _event: NextFetchEvent) => withPageHeaders(request));

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const { pathname } = request.nextUrl;
  // A malformed escape ("/verificar/%ZZ") makes Next.js fail while decoding the route's params and
  // answer 500; no page or file has such an address, so it is the not-found page with a 404 here.
  if (!isWellEncoded(pathname)) return withPageHeaders(request, { notFound: true });
  // Route handlers of /api set their own headers (a PDF may be framed by our pages); the check
  // above is all the proxy does for them.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (segmentOfPath(pathname)) return (await guardRoleArea(request, event)) ?? NextResponse.next();
  return withPageHeaders(request);
}

// `notFound`: render the not-found page instead, with a 404, under the same headers.
function withPageHeaders(request: NextRequest, options: { notFound?: boolean } = {}): NextResponse {
  const https = isHttpsBaseUrl(process.env.APP_BASE_URL);
  const csp = contentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const { pathname, searchParams } = request.nextUrl;
  requestHeaders.set(LOCALE_REQUEST_HEADER, documentLocale(pathname, searchParams.get("lang"), request.headers.get("accept-language")));
  const response = options.notFound
    ? NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404, request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // For browsers that predate frame-ancestors.
  response.headers.set("X-Frame-Options", "DENY");
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  // The same address answers in either language by Accept-Language: a shared cache must key on it.
  if (isBilingualPath(pathname)) response.headers.append("Vary", "Accept-Language");
  return response;
}

function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    // Every page and route handler, except build output and static files (their headers come from
    // next.config.ts) and upload routes: a proxied request body is cut at 10 MB (docs:
    // stack-notes.md), and those routes check the session themselves.
    "/((?!_next/static/|_next/image|favicon\\.ico$|(?:.*/)?(?:uploads?|archivos|subir)(?:/|$)).*)",
  ],
};
