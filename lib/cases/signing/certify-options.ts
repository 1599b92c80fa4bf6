import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FileStorage } from "@/lib/storage/file-storage";

// Dependencies of the certify operations. The app passes none (its database and storage); tests
// pass their own database, storage directory and clock.
export type TCertifyOptions = {
  db?: PrismaClient;
  storage?: FileStorage;
  now?: Date;
  // PEM/DER roots for the signature report; default: loadTrustedRoots().
  trustedRoots?: Buffer[];
};

export async function resolveCertifyDeps(options: TCertifyOptions = {}) {
  const db = options.db ?? (await import("@/lib/db")).db;
  const storage = options.storage ?? (await import("@/lib/storage/get-storage")).getStorage();
  const now = options.now ?? new Date();
  return { db, storage, now };
}
