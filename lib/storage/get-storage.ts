import "server-only";
import type { FileStorage } from "./file-storage";
import { LocalDiskStorage } from "./local-disk-storage";
import { resolveStorageTarget, type TStorageEnv } from "./storage-target";
import { UploadThingStorage } from "./uploadthing-storage";

// UploadThing when a token is configured, the local disk otherwise (lib/storage/storage-target.ts).
export function createStorageFromEnv(env: TStorageEnv = process.env): FileStorage {
  const target = resolveStorageTarget(env);
  return target.kind === "uploadthing" ? new UploadThingStorage({ token: target.token }) : new LocalDiskStorage(target.root);
}

const globalForStorage = globalThis as unknown as { certificaStorage?: FileStorage };

// One instance per server process, like the database client.
export function getStorage(): FileStorage {
  globalForStorage.certificaStorage ??= createStorageFromEnv();
  return globalForStorage.certificaStorage;
}
