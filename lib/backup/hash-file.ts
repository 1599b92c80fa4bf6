import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { TBackupFileEntry } from "./backup-manifest";

// SHA-256 and size of a file, streamed (a dump may be gigabytes).
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

// Every regular file under `dir`, as manifest entries relative to `base`, in a stable order.
export async function hashTree(dir: string, base: string): Promise<TBackupFileEntry[]> {
  const out: TBackupFileEntry[] = [];
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out.push({ path: path.relative(base, file), ...(await hashFile(file)) });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

// A backup or restore target must hold nothing: backups are never mixed, restores never merged.
export async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw e;
  }
}
