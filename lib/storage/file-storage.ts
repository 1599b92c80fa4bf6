import type { Readable } from "node:stream";

// What a stored file is known by. `key` is the content's SHA-256 (lowercase hex) for every
// backend, so rows keep pointing at the same bytes if the deployment switches backends.
export type TStoredFile = { key: string; sha256: string; size: number };

// One stored file as a listing sees it: `storedAt` is when its bytes were last put() (the sweep's age).
export type TListedFile = { key: string; size: number; storedAt: Date };

export type TFileStorageInput = Buffer | Uint8Array | Readable | AsyncIterable<Uint8Array>;

// Content-addressed, write-once storage: a put of bytes already stored changes nothing and
// returns the same key; nothing is ever overwritten. `delete` exists only for the sweeps of uploads
// never attached to a case (lib/uploads/sweep-unattached-uploads.ts), of expired prepared
// signings (lib/cases/signing/sweep-prepared-signings.ts) and of unreferenced files
// (lib/storage/sweep-storage.ts), which first make sure no row references the key, under the key's
// lock; it is idempotent (an absent key is not an error).
export interface FileStorage {
  readonly name: "local-disk" | "uploadthing";
  put(input: TFileStorageInput): Promise<TStoredFile>;
  get(key: string): Promise<Buffer>;
  getStream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  // Every stored file, for `npm run storage:sweep` (lib/storage/sweep-storage.ts) and `npm run backup`.
  list?(): AsyncIterable<TListedFile>;
}

export class FileNotFoundError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`No stored file with key ${key}`);
    this.name = "FileNotFoundError";
    this.key = key;
  }
}

// A stored file whose bytes no longer hash to its key: corruption or tampering, never served.
export class FileIntegrityError extends Error {
  readonly key: string;
  constructor(key: string, actual: string) {
    super(`Stored file ${key} hashes to ${actual}`);
    this.name = "FileIntegrityError";
    this.key = key;
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

// Keys reach file paths and URLs; anything but a SHA-256 hex string is refused before that.
export function assertStorageKey(key: string): void {
  if (!SHA256_HEX.test(key)) throw new FileNotFoundError(key);
}
