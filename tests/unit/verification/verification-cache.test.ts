import { expect, it } from "vitest";
import { createVerificationCache } from "@/lib/verification/verification-cache";

// The per-process verification cache stays small whatever is looked up (docs/decisions/0029).
it("the cache is bounded: the least recently used entry goes first, and none outlives its TTL", () => {
  const cache = createVerificationCache({ max: 2, ttlMs: 1000 });
  const v = {} as never;
  cache.set("A", "1", v, 0);
  cache.set("B", "1", v, 0);
  expect(cache.get("A", 10)).not.toBeNull();
  cache.set("C", "1", v, 20);
  expect(cache.get("B", 30)).toBeNull();
  expect(cache.get("A", 30)).not.toBeNull();
  expect(cache.get("C", 1021)).toBeNull();
  expect(cache.size).toBe(1);
});
