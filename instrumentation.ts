import type { Instrumentation } from "next";

// Runs once when a Next.js server process starts (never during `next build`).
export async function register(): Promise<void> {
  // Database and file storage exist only in the Node.js runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scheduleUploadSweep } = await import("@/lib/uploads/schedule-upload-sweep");
  scheduleUploadSweep();
}

// An unexpected error while rendering a page (or in a route or action that did not catch it): one
// JSON line with the request id scripts/serve.mts gave the request, and the digest the error page
// shows the person (app/error.tsx), so support goes from the code on the screen to this line and to
// the request's own line.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("@/lib/log");
  const { logRoutePath } = await import("@/lib/http/log-route-path");
  const id = request.headers["x-request-id"];
  log.error("unexpected error", {
    requestId: Array.isArray(id) ? id[0] : id,
    method: request.method,
    route: logRoutePath(request.path),
    routeType: context.routeType,
    digest: (error as { digest?: string } | null)?.digest,
    error,
  });
};
