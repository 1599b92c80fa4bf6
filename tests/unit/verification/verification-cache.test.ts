import { expect, it } from "vitest";
import { createVerificationCache } from "@/lib/verification/verification-cache";

// The per-process verification cache stays small whatever is looked up (docs/decisions/0029).
it("the cache is bounded: the least recently used entry goes first, and none outlives its TTL", () => {
  let t = 0;
  const cache = createVerificationCache({ max: 2, ttlMs: 1000, now: () => t });
  const v = {} as never;
  cache.set("A", "1", v);
  cache.set("B", "1", v);
  t = 10;
  expect(cache.get("A")).not.toBeNull();
  t = 20;
  cache.set("C", "1", v);
  t = 30;
  expect(cache.get("B")).toBeNull();
  expect(cache.get("A")).not.toBeNull();
  t = 1021;
  expect(cache.get("C")).toBeNull();
  expect(cache.size).toBe(1);
});

it("max 0 keeps nothing", () => {
  const cache = createVerificationCache({ max: 0 });
  cache.set("A", "1", {} as never);
  expect(cache.get("A")).toBeNull();
  expect(cache.size).toBe(0);
});
