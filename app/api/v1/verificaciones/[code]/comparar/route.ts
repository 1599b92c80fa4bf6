import { apiMethodNotAllowed, apiPreflight } from "@/lib/verification/api/api-response";
import { handleCompareRequest } from "@/lib/verification/api/handle-compare-request";
import { requestIdFromHeaders } from "@/lib/request-context";

// POST /api/v1/verificaciones/{code}/comparar {"sha256": "…"}: is this the issued file? Also what
// the verification page's file check calls.
const METHODS = ["POST"] as const;
type TContext = { params: Promise<{ code: string }> };

export async function POST(request: Request, { params }: TContext) {
  return handleCompareRequest(request, (await params).code);
}

export function OPTIONS() {
  return apiPreflight(METHODS);
}

const notAllowed = (request: Request) => apiMethodNotAllowed(METHODS, requestIdFromHeaders(request.headers));
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
