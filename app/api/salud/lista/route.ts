import { readinessResponse } from "@/lib/health/health-response";

// Readiness (docs/deployment/ops.md): 200 when the database, the file storage and the migrations are
// in order, 503 otherwise, with which check failed.
export const dynamic = "force-dynamic";

export function GET() {
  return readinessResponse();
}
