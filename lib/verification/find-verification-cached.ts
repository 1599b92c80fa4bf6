import "server-only";
import { findVerification, type TVerification } from "@/lib/cases/find-verification";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeVerificationCode } from "./normalize-verification-code";
import { readVerificationStamp, type TVerificationStamp } from "./read-verification-stamp";
import { createVerificationCache, type TVerificationCache } from "./verification-cache";

// One per server process. Safe with several instances: it only saves the full read (findVerification,
// a dozen queries) when the database's stamp of the case is the one the entry was read under.
// VERIFICATION_CACHE_MAX=0 keeps nothing (every view does the full read): for comparing, or to rule
// the cache out when looking into a problem.
const configuredMax = Number.parseInt(process.env.VERIFICATION_CACHE_MAX ?? "", 10);
const processCache = createVerificationCache(Number.isInteger(configuredMax) && configuredMax >= 0 ? { max: configuredMax } : {});

// findVerification for the public QR page and the API: one cheap query (the stamp) per request when
// the certification was read before, the full read otherwise. Only issued and revoked certifications
// are kept: their data is fixed at issuance except what the stamp covers. A change committed between
// the stamp and the full read leaves an entry under the older stamp, which the next read refreshes.
export async function findVerificationCached(
  code: string,
  options: { db?: PrismaClient; cache?: TVerificationCache } = {},
): Promise<TVerification | null> {
  const normalized = normalizeVerificationCode(code);
  if (!normalized) return null;
  const db = options.db ?? (await import("@/lib/db")).db;
  const cache = options.cache ?? processCache;
  const stamp = await readVerificationStamp(db, normalized);
  return findVerificationAtStamp(normalized, stamp, { db, cache });
}

// The same, for a caller that read the stamp itself (lib/verification/open-verification.ts reads it
// in the statement that also counts the client's requests). `code` is normalized.
export async function findVerificationAtStamp(
  code: string,
  stamp: TVerificationStamp | null,
  options: { db?: PrismaClient; cache?: TVerificationCache } = {},
): Promise<TVerification | null> {
  const cache = options.cache ?? processCache;
  if (!stamp) {
    cache.delete(code);
    return null;
  }
  const hit = cache.get(code);
  if (hit && hit.stamp === stamp.stamp) return hit.verification;
  const db = options.db ?? (await import("@/lib/db")).db;
  const v = await findVerification(code, { db });
  if (v && (v.status === "ISSUED" || v.status === "REVOKED")) cache.set(code, stamp.stamp, v);
  else cache.delete(code);
  return v;
}
