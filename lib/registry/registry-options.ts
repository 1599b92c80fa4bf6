import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FileStorage } from "@/lib/storage/file-storage";

// Dependencies of the registry operations. The app passes none (its database, storage and
// clock); tests pass their own.
export type TRegistryOptions = {
  db?: PrismaClient;
  storage?: FileStorage;
  now?: Date;
  // PEM/DER roots for signature checks; default: the configured roots (loadTrustedRoots()).
  trustedRoots?: Buffer[];
};

export async function resolveRegistryDeps(options: TRegistryOptions = {}) {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  return { db, now };
}

export async function resolveRegistryStorage(options: TRegistryOptions = {}): Promise<FileStorage> {
  return options.storage ?? (await import("@/lib/storage/get-storage")).getStorage();
}
