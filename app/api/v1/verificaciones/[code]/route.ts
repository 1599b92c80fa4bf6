import { apiMethodNotAllowed, apiPreflight } from "@/lib/verification/api/api-response";
import { handleVerificationRequest } from "@/lib/verification/api/handle-verification-request";
import { requestIdFromHeaders } from "@/lib/request-context";

// GET /api/v1/verificaciones/{code}: the public verification API (OpenAPI: /api/v1/openapi.json).
// HEAD is answered by Next.js from GET; every other method gets the API's JSON 405.
const METHODS = ["GET", "HEAD"] as const;
type TContext = { params: Promise<{ code: string }> };

export async function GET(request: Request, { params }: TContext) {
  return handleVerificationRequest(request, (await params).code);
}

export function OPTIONS() {
  return apiPreflight(METHODS);
}

const notAllowed = (request: Request) => apiMethodNotAllowed(METHODS, requestIdFromHeaders(request.headers));
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
