import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

// Limits per client on the public verification surface (documented in the README). Fixed windows of
// one minute: enough to stop scraping codes or hammering the PDF, far above what a person or an
// institution checking documents one by one needs.
export const RATE_LIMITS = {
  // /verificar/<code>, /compartido/<token> pages.
  page: { limit: 60, windowSeconds: 60 },
  // GET /api/v1/verificaciones/<code>.
  api: { limit: 120, windowSeconds: 60 },
  // POST /api/v1/verificaciones/<code>/comparar (also what the page's file check calls).
  compare: { limit: 30, windowSeconds: 60 },
  // A shared PDF's download.
  download: { limit: 20, windowSeconds: 60 },
} as const;

export type TRateLimitName = keyof typeof RATE_LIMITS;

export type TRateLimitResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

// One atomic upsert per request on a row shared by every server instance (no process memory): a new
// window starts over at 1, otherwise the count goes up. A client without a known address shares the
// key "unknown" (behind a misconfigured proxy every request would), which the limit then protects.
export async function checkRateLimit(
  name: TRateLimitName,
  clientKey: string | null,
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<TRateLimitResult> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const count = countRateLimit(name, clientKey, options.now ?? new Date());
  const rows = await db.$queryRaw<{ count: number }[]>(count.sql);
  return count.decide(rows[0]);
}

export type TRateLimitCount = {
  // INSERT … RETURNING "count": a statement of its own, or a CTE of a larger one
  // (lib/verification/open-verification.ts counts, looks up and logs in one round trip).
  sql: Prisma.Sql;
  decide: (row: { count: number | bigint }) => TRateLimitResult;
};

export function countRateLimit(name: TRateLimitName, clientKey: string | null, now: Date): TRateLimitCount {
  const { limit, windowSeconds } = RATE_LIMITS[name];
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const key = `${name}:${clientKey ?? "unknown"}`;
  const sql = Prisma.sql`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitCounter"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  const decide = (row: { count: number | bigint }): TRateLimitResult => {
    const count = Number(row.count);
    if (count <= limit) return { allowed: true, remaining: limit - count };
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
    return { allowed: false, retryAfterSeconds };
  };
  return { sql, decide };
}
