import "server-only";
import { requestIdFromHeaders } from "@/lib/request-context";
import { apiMethodNotAllowed, apiPreflight } from "./api-response";

// What every route of the API answers besides its own methods: the browsers' preflight (OPTIONS),
// and the API's JSON 405 with the Allow header for any other method. Each route exports these
// under the method names it does not serve.
export function apiMethodAnswers(methods: readonly string[]) {
  return {
    OPTIONS: () => apiPreflight(methods),
    notAllowed: (request: Request) => apiMethodNotAllowed(methods, requestIdFromHeaders(request.headers)),
  };
}
