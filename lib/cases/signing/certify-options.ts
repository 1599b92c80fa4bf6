import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TFetch } from "@/lib/signing/fetch-der";
import { readTsaConfig, type TTsaConfig } from "@/lib/signing/timestamp/tsa-config";
import type { FileStorage } from "@/lib/storage/file-storage";
import { loadTrustedRoots } from "./load-trusted-roots";

// Dependencies of the certify operations. The app passes none (its database and storage); tests
// pass their own database, storage directory and clock.
export type TCertifyOptions = {
  db?: PrismaClient;
  storage?: FileStorage;
  now?: Date;
  // PEM/DER roots for signers and TSAs (the signature report, timestamps, revocation data);
  // default: loadTrustedRoots().
  trustedRoots?: Buffer[];
  // The RFC 3161 TSA every signature is timestamped by; default: TSA_URL (TSA_USERNAME,
  // TSA_PASSWORD). None → signing is refused (never a file without timestamps).
  tsa?: TTsaConfig;
  // The HTTP client for the TSA, OCSP responders and CRLs (tests inject faults).
  fetch?: TFetch;
};

export async function resolveCertifyDeps(options: TCertifyOptions = {}) {
  const db = options.db ?? (await import("@/lib/db")).db;
  const storage = options.storage ?? (await import("@/lib/storage/get-storage")).getStorage();
  const now = options.now ?? new Date();
  return { db, storage, now };
}

// What signing needs besides the database: the TSA and the roots signers and TSAs chain to.
export function resolveSigningDeps(options: TCertifyOptions = {}) {
  return { tsa: options.tsa ?? readTsaConfig(), trustedRoots: options.trustedRoots ?? loadTrustedRoots(), fetch: options.fetch };
}
