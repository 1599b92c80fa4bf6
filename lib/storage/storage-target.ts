import path from "node:path";

// Where files go, from the environment: UploadThing when a token is configured, the local disk
// otherwise (the offline default). One rule for the app (lib/storage/get-storage.ts) and for the
// production server's start-up check (scripts/serve.mts, which runs outside the app's bundle).
export const DEFAULT_STORAGE_DIR = ".data/files";

export type TStorageEnv = { UPLOADTHING_TOKEN?: string; STORAGE_DIR?: string; [name: string]: string | undefined };
export type TStorageTarget = { kind: "uploadthing"; token: string } | { kind: "local-disk"; root: string };

export function resolveStorageTarget(env: TStorageEnv = process.env): TStorageTarget {
  const token = env.UPLOADTHING_TOKEN?.trim();
  if (token) return { kind: "uploadthing", token };
  return { kind: "local-disk", root: path.resolve(/*turbopackIgnore: true*/ env.STORAGE_DIR?.trim() || DEFAULT_STORAGE_DIR) };
}
