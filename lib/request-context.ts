import "server-only";
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { cache } from "react";

export type TRequestContext = {
  // Quoted to the user with a generic error message and written with every log line of the request.
  requestId: string;
  ip: string | null;
  userAgent: string | null;
};

// A reverse proxy appends the address it saw to X-Forwarded-For, so the right-most entry is the
// one a trusted hop wrote; entries to its left come from the client and may be forged. Next.js
// itself fills the header with the socket address only when it is missing.
export function clientIpFromHeaders(h: Pick<Headers, "get">): string | null {
  const forwarded = h.get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded.split(",").map((p) => p.trim()).filter(Boolean);
    const last = parts[parts.length - 1];
    if (last) return normalizeIp(last);
  }
  const real = h.get("x-real-ip")?.trim();
  return real ? normalizeIp(real) : null;
}

function normalizeIp(ip: string): string {
  // IPv4 clients on a dual-stack socket show up as ::ffff:1.2.3.4.
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice("::ffff:".length) : ip;
}

// Accept an upstream id only when it looks like one, so a client cannot inject text into logs.
function requestIdFromHeaders(h: Pick<Headers, "get">): string {
  const given = h.get("x-request-id")?.trim();
  if (given && /^[A-Za-z0-9._-]{8,100}$/.test(given)) return given;
  return randomBytes(6).toString("hex");
}

// Once per request (React's request cache), so every log line of one request shares the id.
export const getRequestContext = cache(async (): Promise<TRequestContext> => {
  const h = await headers();
  return { requestId: requestIdFromHeaders(h), ip: clientIpFromHeaders(h), userAgent: h.get("user-agent") };
});
