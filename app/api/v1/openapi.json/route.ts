import { apiJson, apiMethodNotAllowed, apiPreflight } from "@/lib/verification/api/api-response";
import { buildOpenApiDocument } from "@/lib/verification/api/openapi";
import { requestIdFromHeaders } from "@/lib/request-context";

// The OpenAPI 3.1 document of the verification API, built from the handlers' own schemas.
const METHODS = ["GET", "HEAD"] as const;

export function GET(request: Request) {
  return apiJson(buildOpenApiDocument(), 200, requestIdFromHeaders(request.headers));
}

export function OPTIONS() {
  return apiPreflight(METHODS);
}

const notAllowed = (request: Request) => apiMethodNotAllowed(METHODS, requestIdFromHeaders(request.headers));
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
