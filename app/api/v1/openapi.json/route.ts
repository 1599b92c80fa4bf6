import { apiJson } from "@/lib/verification/api/api-response";
import { apiMethodAnswers } from "@/lib/verification/api/api-method-answers";
import { buildOpenApiDocument } from "@/lib/verification/api/openapi";
import { requestIdFromHeaders } from "@/lib/request-context";

// The OpenAPI 3.1 document of the verification API, built from the handlers' own schemas.
const { OPTIONS, notAllowed } = apiMethodAnswers(["GET", "HEAD"]);

export function GET(request: Request) {
  return apiJson(buildOpenApiDocument(), 200, requestIdFromHeaders(request.headers));
}

export { OPTIONS, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
