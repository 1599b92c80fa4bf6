import "server-only";
import type { TVerification } from "@/lib/cases/find-verification";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { checkRateLimit, countRateLimit, RATE_LIMITS, type TRateLimitName } from "@/lib/http/rate-limit";
import { log } from "@/lib/log";
import { findVerificationAtStamp } from "./find-verification-cached";
import { toVerificationStamp, verificationStampSql, type TVerificationStampRow } from "./read-verification-stamp";
import type { TVerificationCache } from "./verification-cache";

export type TOpenVerificationInput = {
  // Normalized (verificationCodeFromParam); null for what cannot be a code, which still counts
  // against the limit, so guessing costs the same as reading.
  code: string | null;
  // The QR page or the API: its own limit, and the channel the holder's log shows.
  via: "PAGE" | "API";
  ip: string | null;
  requestId: string;
};

export type TOpenVerificationResult =
  | { kind: "limited"; retryAfterSeconds: number }
  | { kind: "not-found" }
  | { kind: "found"; verification: TVerification };

const LIMITS: Record<TOpenVerificationInput["via"], TRateLimitName> = { PAGE: "page", API: "api" };

// A public look at one certification (the QR page, GET /api/v1/verificaciones/<code>): the client's
// request is counted, the code looked up, and the look written to the holder's log, in ONE statement
// (issue #15 §2: the page made three round trips, the last one after the answer, through after(),
// which kept the request's state alive until it ran). The look is logged only when the limit allows
// it and the code exists, as before. What the page shows then comes from the per-process cache
// whenever the case's stamp is the one it was read under (find-verification-cached.ts).
export async function openVerification(
  input: TOpenVerificationInput,
  options: { db?: PrismaClient; cache?: TVerificationCache; now?: Date } = {},
): Promise<TOpenVerificationResult> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const limitName = LIMITS[input.via];
  if (!input.code) {
    const limit = await checkRateLimit(limitName, input.ip, { db, now });
    return limit.allowed ? { kind: "not-found" } : { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const counted = countRateLimit(limitName, input.ip, now);
  // The CTEs all run, on one snapshot; the event's insert sees the counter's new value through `rl`.
  const rows = await db.$queryRaw<(Partial<TVerificationStampRow> & { count: number; logged: boolean })[]>(Prisma.sql`
    WITH rl AS (${counted.sql}),
      c AS (${verificationStampSql(input.code)}),
      ev AS (
        INSERT INTO "VerificationEvent" ("caseId", "channel", "createdAt")
        SELECT c."id", ${input.via}::"VerificationChannel", ${now} FROM c, rl WHERE rl."count" <= ${RATE_LIMITS[limitName].limit}
        RETURNING 1
      )
    SELECT rl."count", c."id", c."version", c."updatedAt", c."documents", EXISTS (SELECT 1 FROM ev) AS "logged"
    FROM rl LEFT JOIN c ON true`);
  const row = rows[0];
  const limit = counted.decide(row);
  if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  const stamp = row.id ? toVerificationStamp(row as TVerificationStampRow) : null;
  if (row.logged) log.info("verification", { caseId: row.id, channel: input.via, requestId: input.requestId });
  const verification = await findVerificationAtStamp(input.code, stamp, { db, cache: options.cache });
  return verification ? { kind: "found", verification } : { kind: "not-found" };
}
