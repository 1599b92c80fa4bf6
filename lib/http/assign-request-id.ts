import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

// The request id: written in the request's log line (scripts/serve.mts), in every log line the app
// writes for it (lib/request-context.ts reads the same header) and quoted to the user with an
// unexpected error, so support finds the line from what the person reads on the screen.
export const REQUEST_ID_HEADER = "x-request-id";

// What an upstream id may look like: no spaces or quotes, nothing that could forge a log field.
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,100}$/;

export function newRequestId(): string {
  return randomBytes(8).toString("hex");
}

export function isWellFormedRequestId(value: string | undefined | null): value is string {
  return typeof value === "string" && REQUEST_ID_PATTERN.test(value);
}

// Behind our own proxies (TRUSTED_PROXY_HOPS > 0) their X-Request-Id is kept, so one id follows the
// request through the proxy's log and ours; directly exposed, a client's header is replaced: a
// client must not give two requests the same id. Set on the request (for the app) and the response.
export function assignRequestId(req: Pick<IncomingMessage, "headers">, res: Pick<ServerResponse, "setHeader">, options: { trustUpstream: boolean }): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const upstream = Array.isArray(given) ? given[0] : given;
  const id = options.trustUpstream && isWellFormedRequestId(upstream?.trim()) ? upstream!.trim() : newRequestId();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  return id;
}
