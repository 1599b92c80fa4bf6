import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// The shared-table rate limiter on PostgreSQL: fixed one-minute windows, per limit and client,
// exact under concurrency (every server instance increments the same row).
let tdb: TTestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});

afterAll(async () => {
  await tdb?.drop();
});

// 10 seconds into a window.
const WINDOW = new Date("2027-03-15T16:00:00Z");
const at = (seconds: number) => new Date(WINDOW.getTime() + seconds * 1000);

describe("checkRateLimit", () => {
  it("allows `limit` requests in a window, counting down, and refuses the next with the seconds left", async () => {
    const db = tdb.prisma;
    const { limit } = RATE_LIMITS.download;
    for (let i = 1; i <= limit; i++) {
      expect(await checkRateLimit("download", "203.0.113.1", { db, now: at(10) })).toEqual({ allowed: true, remaining: limit - i });
    }
    expect(await checkRateLimit("download", "203.0.113.1", { db, now: at(10) })).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(await checkRateLimit("download", "203.0.113.1", { db, now: at(59.5) })).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("starts over in a new window", async () => {
    const db = tdb.prisma;
    const { limit } = RATE_LIMITS.compare;
    for (let i = 0; i <= limit; i++) await checkRateLimit("compare", "203.0.113.2", { db, now: at(5) });
    expect((await checkRateLimit("compare", "203.0.113.2", { db, now: at(5) })).allowed).toBe(false);
    expect(await checkRateLimit("compare", "203.0.113.2", { db, now: at(60) })).toEqual({ allowed: true, remaining: limit - 1 });
  });

  it("keeps clients and limits apart; a client without an address shares the key of the unknown", async () => {
    const db = tdb.prisma;
    const { limit } = RATE_LIMITS.download;
    for (let i = 0; i < limit; i++) await checkRateLimit("download", "203.0.113.3", { db, now: at(1) });
    expect((await checkRateLimit("download", "203.0.113.3", { db, now: at(1) })).allowed).toBe(false);
    expect(await checkRateLimit("download", "203.0.113.4", { db, now: at(1) })).toEqual({ allowed: true, remaining: limit - 1 });
    expect(await checkRateLimit("page", "203.0.113.3", { db, now: at(1) })).toEqual({ allowed: true, remaining: RATE_LIMITS.page.limit - 1 });
    expect(await checkRateLimit("page", null, { db, now: at(1) })).toEqual({ allowed: true, remaining: RATE_LIMITS.page.limit - 1 });
    expect(await checkRateLimit("page", null, { db, now: at(1) })).toEqual({ allowed: true, remaining: RATE_LIMITS.page.limit - 2 });
  });

  it("counts concurrent requests exactly: N at once leave limit - N, and past the limit exactly the excess is refused", async () => {
    const db = tdb.prisma;
    const n = 25;
    const results = await Promise.all(Array.from({ length: n }, () => checkRateLimit("api", "203.0.113.5", { db, now: at(20) })));
    expect(results.every((r) => r.allowed)).toBe(true);
    expect(results.map((r) => (r.allowed ? r.remaining : -1)).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => RATE_LIMITS.api.limit - n + i));
    expect((await tdb.prisma.rateLimitCounter.findUniqueOrThrow({ where: { key: "api:203.0.113.5" } })).count).toBe(n);

    const { limit } = RATE_LIMITS.download;
    const burst = await Promise.all(Array.from({ length: limit + 7 }, () => checkRateLimit("download", "203.0.113.6", { db, now: at(30) })));
    expect(burst.filter((r) => r.allowed)).toHaveLength(limit);
    expect(burst.filter((r) => !r.allowed)).toHaveLength(7);
  });
});
