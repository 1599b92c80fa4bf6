import { livenessResponse } from "@/lib/health/health-response";

// Liveness for a load balancer or orchestrator (docs/deployment/ops.md): 200 while the process answers.
export const dynamic = "force-dynamic";

export function GET() {
  return livenessResponse();
}
