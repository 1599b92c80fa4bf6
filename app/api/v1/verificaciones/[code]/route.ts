import { apiMethodAnswers } from "@/lib/verification/api/api-method-answers";
import { handleVerificationRequest } from "@/lib/verification/api/handle-verification-request";

// GET /api/v1/verificaciones/{code}: the public verification API (OpenAPI: /api/v1/openapi.json).
// HEAD is answered by Next.js from GET; every other method gets the API's JSON 405.
const { OPTIONS, notAllowed } = apiMethodAnswers(["GET", "HEAD"]);

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return handleVerificationRequest(request, (await params).code);
}

export { OPTIONS, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
