import "server-only";
import { findVerificationCached } from "@/lib/verification/find-verification-cached";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkRateLimit } from "@/lib/http/rate-limit";
import { verificationCodeFromParam } from "@/lib/verification/normalize-verification-code";
import { recordVerificationEvent } from "@/lib/verification/record-verification-event";
import { apiError, apiJson, apiRateLimited } from "./api-response";
import { runApiHandler } from "./run-api-handler";
import { toVerificationResponse } from "./to-verification-response";
import { ZVerificationResponse } from "./verification-api-schemas";

export type TVerificationApiOptions = { db?: PrismaClient; now?: Date; baseUrl?: string };

// GET /api/v1/verificaciones/{code}. The limit is counted before the lookup, so guessing codes
// costs the same as reading them; a found code is logged for its holder (channel API).
export async function handleVerificationRequest(request: Request, rawCode: string, options: TVerificationApiOptions = {}): Promise<Response> {
  return runApiHandler(request, "GET /api/v1/verificaciones/{code}", async ({ requestId, ip }) => {
    const limit = await checkRateLimit("api", ip, options);
    if (!limit.allowed) return apiRateLimited(limit.retryAfterSeconds, requestId);
    const code = verificationCodeFromParam(rawCode);
    const v = code ? await findVerificationCached(code, { db: options.db }) : null;
    if (!v) return apiError("NOT_FOUND", 404, requestId);
    // Checked against the documented schema on the way out: an answer that would break the
    // contract institutions code against becomes a logged 500 instead.
    const body = ZVerificationResponse.parse(toVerificationResponse(v, options.baseUrl));
    await recordVerificationEvent({ caseId: v.caseId, channel: "API", ip, requestId }, options);
    return apiJson(body, 200, requestId);
  });
}
