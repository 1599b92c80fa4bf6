import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// One more attempt under `key` in a fixed window (a LoginThrottle row, keyed apart from sign-in),
// in one atomic upsert so simultaneous attempts each count. Returns the count in the current
// window, this one included, and when the window ends.
export async function countAttempt(db: PrismaClient, key: string, windowMs: number, now: Date): Promise<{ count: number; resetsAt: Date }> {
  const expired = new Date(now.getTime() - windowMs);
  const [row] = await db.$queryRaw<{ failures: number; windowStart: Date }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${expired} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${expired} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING "failures", "windowStart"`;
  return { count: row.failures, resetsAt: new Date(new Date(row.windowStart).getTime() + windowMs) };
}
