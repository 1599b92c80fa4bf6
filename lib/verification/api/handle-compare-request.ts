import "server-only";
import { findVerificationCached } from "@/lib/verification/find-verification-cached";
import { checkRateLimit } from "@/lib/http/rate-limit";
import { verificationCodeFromParam } from "@/lib/verification/normalize-verification-code";
import { recordVerificationEvent } from "@/lib/verification/record-verification-event";
import { apiError, apiJson, apiRateLimited } from "./api-response";
import { compareWithIssuedFile } from "./compare-with-issued-file";
import type { TVerificationApiOptions } from "./handle-verification-request";
import { runApiHandler } from "./run-api-handler";
import { API_STATUS } from "./to-verification-response";
import { ZCompareRequest, ZCompareResponse } from "./verification-api-schemas";

// A body of {"sha256": "<64 hex>"} is under 100 bytes; anything far larger is not one, and is not
// read to the end.
const MAX_BODY_BYTES = 4096;

// POST /api/v1/verificaciones/{code}/comparar {"sha256": "…"}: is this the issued file? Only the
// hash travels (the page hashes the file in the browser). Every answer about a known code is
// logged for its holder (channel FILE_CHECK, matched or not).
export async function handleCompareRequest(request: Request, rawCode: string, options: TVerificationApiOptions = {}): Promise<Response> {
  return runApiHandler(request, "POST /api/v1/verificaciones/{code}/comparar", async ({ requestId, ip }) => {
    const limit = await checkRateLimit("compare", ip, options);
    if (!limit.allowed) return apiRateLimited(limit.retryAfterSeconds, requestId);
    const code = verificationCodeFromParam(rawCode);
    if (!code) return apiError("NOT_FOUND", 404, requestId);
    const text = await readBoundedText(request, MAX_BODY_BYTES);
    const parsed = text === null ? null : ZCompareRequest.safeParse(parseJson(text));
    if (!parsed?.success) return apiError("INVALID_BODY", 400, requestId);
    const v = await findVerificationCached(code, { db: options.db });
    if (!v) return apiError("NOT_FOUND", 404, requestId);
    const outcome = compareWithIssuedFile(v, parsed.data.sha256);
    const body = ZCompareResponse.parse({ code: v.code, matches: outcome.matches, status: API_STATUS[v.status], message: outcome.message });
    await recordVerificationEvent({ caseId: v.caseId, channel: "FILE_CHECK", matched: outcome.matches, ip, requestId }, options);
    return apiJson(body, 200, requestId);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The body as text, or null when it is longer than `max` bytes (the rest is not read).
async function readBoundedText(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
