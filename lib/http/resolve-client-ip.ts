import ipaddr from "ipaddr.js";
import { ARRIVED_FORWARDED_FOR_HEADER, PEER_ADDRESS_HEADER } from "./stamp-peer-address";

export type TClientIpSource = {
  // How many trusted reverse proxies write X-Forwarded-For in front of us (TRUSTED_PROXY_HOPS).
  hops: number;
  // Whether scripts/serve.mts stamped the peer's address (see stamp-peer-address.ts).
  peerStamped: boolean;
};

// "1.2.3.4", "::ffff:1.2.3.4" → "1.2.3.4"; "[2001:db8::1]:443" and "1.2.3.4:5678" (some proxies
// add the port) → the address; anything else → null.
export function normalizeIp(text: string): string | null {
  let s = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  if (!ipaddr.isValid(s)) return null;
  try {
    return ipaddr.process(s).toString();
  } catch {
    return null;
  }
}

function entries(header: string | null): string[] {
  return (header ?? "").split(",").map((p) => p.trim()).filter(Boolean);
}

// The client's address. The chain is X-Forwarded-For as it arrived followed by the peer (hop 0, the
// socket's address). Each trusted proxy appends the address it received the request from, so with
// N trusted hops the client is the N-th entry counting leftwards from the peer; whatever lies further
// left came from the client and may be forged. A chain shorter than N (a request that reached us
// through fewer proxies) yields its left-most entry. An entry that is not an address (a
// misconfigured proxy) gives way to the nearest valid one towards the peer.
//
// Without the stamped peer (`next dev`, a plain `next start`) there is no trustworthy hop 0: Next.js
// puts the socket's address in X-Forwarded-For only when the client sent none, so the right-most
// entry stands in for the peer, which a client can forge. Production runs scripts/serve.mts.
export function resolveClientIp(h: Pick<Headers, "get">, source: TClientIpSource): string | null {
  const chain = source.peerStamped
    ? [...entries(h.get(ARRIVED_FORWARDED_FOR_HEADER)), h.get(PEER_ADDRESS_HEADER) ?? ""]
    : entries(h.get("x-forwarded-for"));
  if (chain.length === 0) return null;
  const start = Math.max(0, chain.length - 1 - source.hops);
  for (let i = start; i < chain.length; i++) {
    const ip = normalizeIp(chain[i]);
    if (ip) return ip;
  }
  return null;
}
