import type { IncomingMessage } from "node:http";

// Headers only our own HTTP server (scripts/serve.mts) writes. Next.js fills `X-Forwarded-For` with
// the socket's address only when the request has none (`??=` in its base server), so a client that
// sends its own loses the one address nobody can forge. The server therefore copies the socket's
// address, and the X-Forwarded-For exactly as it arrived, into these headers on every request,
// replacing anything a client sent under the same names.
export const PEER_ADDRESS_HEADER = "x-certifica-peer-address";
export const ARRIVED_FORWARDED_FOR_HEADER = "x-certifica-forwarded-for";

// A process-wide mark set by that server: without it (`next dev`, a plain `next start`) the headers
// above may come from the client and are ignored.
const SERVER_MARK = Symbol.for("certifica.peer-address-server");

export function markPeerAddressServer(): void {
  (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
}

export function isBehindPeerAddressServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
}

export function stampPeerAddress(req: Pick<IncomingMessage, "headers" | "socket">): void {
  const arrived = req.headers["x-forwarded-for"];
  delete req.headers[PEER_ADDRESS_HEADER];
  delete req.headers[ARRIVED_FORWARDED_FOR_HEADER];
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  if (arrived !== undefined) req.headers[ARRIVED_FORWARDED_FOR_HEADER] = Array.isArray(arrived) ? arrived.join(", ") : arrived;
}
