import "server-only";
import type { FileStorage } from "./file-storage";
import { DEFAULT_STORAGE_DIR, LocalDiskStorage } from "./local-disk-storage";
import { UploadThingStorage } from "./uploadthing-storage";

type TStorageEnv = { UPLOADTHING_TOKEN?: string; STORAGE_DIR?: string; [name: string]: string | undefined };

// UploadThing when a token is configured, the local disk otherwise (the offline default).
export function createStorageFromEnv(env: TStorageEnv = process.env): FileStorage {
  const token = env.UPLOADTHING_TOKEN?.trim();
  if (token) return new UploadThingStorage({ token });
  return new LocalDiskStorage(env.STORAGE_DIR?.trim() || DEFAULT_STORAGE_DIR);
}

const globalForStorage = globalThis as unknown as { certificaStorage?: FileStorage };

// One instance per server process, like the database client.
export function getStorage(): FileStorage {
  globalForStorage.certificaStorage ??= createStorageFromEnv();
  return globalForStorage.certificaStorage;
}
