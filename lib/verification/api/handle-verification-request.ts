import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verificationCodeFromParam } from "@/lib/verification/normalize-verification-code";
import { openVerification } from "@/lib/verification/open-verification";
import { apiError, apiJson, apiRateLimited } from "./api-response";
import { runApiHandler } from "./run-api-handler";
import { toVerificationResponse } from "./to-verification-response";
import { ZVerificationResponse } from "./verification-api-schemas";

export type TVerificationApiOptions = { db?: PrismaClient; now?: Date; baseUrl?: string };

// GET /api/v1/verificaciones/{code}. The limit is counted before the lookup, so guessing codes
// costs the same as reading them; a found code is logged for its holder (channel API). Both in the
// lookup's own statement (lib/verification/open-verification.ts).
export async function handleVerificationRequest(request: Request, rawCode: string, options: TVerificationApiOptions = {}): Promise<Response> {
  return runApiHandler(request, "GET /api/v1/verificaciones/{code}", async ({ requestId, ip }) => {
    const opened = await openVerification({ code: verificationCodeFromParam(rawCode), via: "API", ip, requestId }, options);
    if (opened.kind === "limited") return apiRateLimited(opened.retryAfterSeconds, requestId);
    if (opened.kind === "not-found") return apiError("NOT_FOUND", 404, requestId);
    // Checked against the documented schema on the way out: an answer that would break the
    // contract institutions code against becomes a logged 500 instead.
    const body = ZVerificationResponse.parse(toVerificationResponse(opened.verification, options.baseUrl));
    return apiJson(body, 200, requestId);
  });
}
