import "server-only";
import { log } from "@/lib/log";
import { clientIpFromHeaders, requestIdFromHeaders } from "@/lib/request-context";
import { apiError } from "./api-response";

export type TApiRequestContext = { requestId: string; ip: string | null };

// Runs one API request: the context comes from the request itself (route handlers are called with
// it in tests, outside Next's request scope), and anything unexpected becomes a logged 500 whose
// body quotes the request id, never a stack trace or an HTML error page.
export async function runApiHandler(request: Request, route: string, handler: (ctx: TApiRequestContext) => Promise<Response>): Promise<Response> {
  const ctx: TApiRequestContext = { requestId: requestIdFromHeaders(request.headers), ip: clientIpFromHeaders(request.headers) };
  try {
    return await handler(ctx);
  } catch (error) {
    log.error("verification API failed", { requestId: ctx.requestId, route, method: request.method, error });
    return apiError("INTERNAL_ERROR", 500, ctx.requestId, { withRequestId: true });
  }
}
