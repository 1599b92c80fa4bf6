import "server-only";
import { LRUCache } from "lru-cache";
import type { TVerification } from "@/lib/cases/find-verification";

// What findVerificationCached keeps in this process: a verification, with the stamp of the rows it
// was read from (readVerificationStamp). Never the source of truth: every read checks the stamp in
// the database first, so a revocation made on any instance shows at once on every one
// (docs/decisions/0029). Bounded, through lru-cache (maintained, what Next.js itself uses): `max`
// entries, least recently used out first, and none older than `ttlMs` (what the stamp does not
// cover, e.g. an authorized signer's name edited afterwards, is at most that old). `max` 0 keeps
// nothing (VERIFICATION_CACHE_MAX=0).
export type TVerificationCacheEntry = { stamp: string; verification: TVerification };

export type TVerificationCache = {
  get(code: string): TVerificationCacheEntry | null;
  set(code: string, stamp: string, verification: TVerification): void;
  delete(code: string): void;
  readonly size: number;
};

export const VERIFICATION_CACHE_DEFAULTS = { max: 5000, ttlMs: 10 * 60_000 };

// `now`: the clock in milliseconds (tests give their own).
export function createVerificationCache(options: { max?: number; ttlMs?: number; now?: () => number } = {}): TVerificationCache {
  const max = options.max ?? VERIFICATION_CACHE_DEFAULTS.max;
  const ttlMs = options.ttlMs ?? VERIFICATION_CACHE_DEFAULTS.ttlMs;
  if (max === 0) return { get: () => null, set: () => {}, delete: () => {}, size: 0 };
  const entries = new LRUCache<string, TVerificationCacheEntry>({
    max,
    ttl: ttlMs,
    // Read the clock on every check (the default caches it for a millisecond).
    ttlResolution: 0,
    ...(options.now ? { perf: { now: options.now } } : {}),
  });
  return {
    get: (code) => entries.get(code) ?? null,
    set: (code, stamp, verification) => void entries.set(code, { stamp, verification }),
    delete: (code) => void entries.delete(code),
    get size() {
      return entries.size;
    },
  };
}
