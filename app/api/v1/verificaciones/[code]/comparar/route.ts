import { apiMethodAnswers } from "@/lib/verification/api/api-method-answers";
import { handleCompareRequest } from "@/lib/verification/api/handle-compare-request";

// POST /api/v1/verificaciones/{code}/comparar {"sha256": "…"}: is this the issued file? Also what
// the verification page's file check calls.
const { OPTIONS, notAllowed } = apiMethodAnswers(["POST"]);

export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return handleCompareRequest(request, (await params).code);
}

export { OPTIONS, notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
