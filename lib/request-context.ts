import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { isWellFormedRequestId, newRequestId, REQUEST_ID_HEADER } from "@/lib/http/assign-request-id";
import { readTrustedProxyHops } from "@/lib/http/read-trusted-proxy-hops";
import { resolveClientIp } from "@/lib/http/resolve-client-ip";
import { isBehindPeerAddressServer } from "@/lib/http/stamp-peer-address";
import { log } from "@/lib/log";

export type TRequestContext = {
  // Quoted to the user with a generic error message and written with every log line of the request.
  requestId: string;
  ip: string | null;
  userAgent: string | null;
};

let warnedUnstamped = false;

// The client's address, through TRUSTED_PROXY_HOPS trusted proxies (lib/http/resolve-client-ip).
// Trustworthy only behind scripts/serve.mts, which stamps the socket's address on every request.
export function clientIpFromHeaders(h: Pick<Headers, "get">): string | null {
  const peerStamped = isBehindPeerAddressServer();
  if (!peerStamped && !warnedUnstamped && process.env.NODE_ENV === "production") {
    warnedUnstamped = true;
    log.warn("client address taken from X-Forwarded-For, which a client can forge: serve the app with scripts/serve.mts (npm start)");
  }
  return resolveClientIp(h, { hops: readTrustedProxyHops(), peerStamped });
}

// Behind scripts/serve.mts the header is always there: the server assigned it (lib/http/assign-request-id)
// and wrote it in the request's log line. Elsewhere (`next dev`) an upstream id is accepted only when
// it looks like one, so a client cannot inject text into logs.
export function requestIdFromHeaders(h: Pick<Headers, "get">): string {
  const given = h.get(REQUEST_ID_HEADER)?.trim();
  if (isWellFormedRequestId(given)) return given;
  return newRequestId();
}

// Once per request (React's request cache), so every log line of one request shares the id.
export const getRequestContext = cache(async (): Promise<TRequestContext> => {
  const h = await headers();
  return { requestId: requestIdFromHeaders(h), ip: clientIpFromHeaders(h), userAgent: h.get("user-agent") };
});
