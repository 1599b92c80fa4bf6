import "server-only";
import type { TVerification } from "@/lib/cases/find-verification";

// What findVerificationCached keeps in this process: a verification, with the stamp of the rows it
// was read from (readVerificationStamp). Never the source of truth: every read checks the stamp in
// the database first, so a revocation made on any instance shows at once on every one
// (docs/decisions/0029). Bounded: `max` entries, least recently used out first, and none older than
// `ttlMs` (what the stamp does not cover, e.g. an authorized signer's name edited afterwards, is at
// most that old).
export type TVerificationCacheEntry = { stamp: string; verification: TVerification; storedAt: number };

export type TVerificationCache = {
  get(code: string, now?: number): TVerificationCacheEntry | null;
  set(code: string, stamp: string, verification: TVerification, now?: number): void;
  delete(code: string): void;
  readonly size: number;
};

export const VERIFICATION_CACHE_DEFAULTS = { max: 5000, ttlMs: 10 * 60_000 };

export function createVerificationCache(options: { max?: number; ttlMs?: number } = {}): TVerificationCache {
  const max = options.max ?? VERIFICATION_CACHE_DEFAULTS.max;
  const ttlMs = options.ttlMs ?? VERIFICATION_CACHE_DEFAULTS.ttlMs;
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, TVerificationCacheEntry>();
  return {
    get(code, now = Date.now()) {
      const entry = entries.get(code);
      if (!entry) return null;
      entries.delete(code);
      if (now - entry.storedAt > ttlMs) return null;
      entries.set(code, entry);
      return entry;
    },
    set(code, stamp, verification, now = Date.now()) {
      entries.delete(code);
      entries.set(code, { stamp, verification, storedAt: now });
      while (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    delete(code) {
      entries.delete(code);
    },
    get size() {
      return entries.size;
    },
  };
}
