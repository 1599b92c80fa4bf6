import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertStorageKey,
  FileNotFoundError,
  type FileStorage,
  type TFileStorageInput,
  type TListedFile,
  type TStoredFile,
} from "./file-storage";
import { DEFAULT_STORAGE_DIR } from "./storage-target";
import { verifyStoredBytes, verifyStoredStream } from "./verify-stored-content";

export { DEFAULT_STORAGE_DIR };

// Files live at <root>/ab/cd/<sha256>, read-only. Partial writes go to <root>/.tmp, on the same
// file system, so publishing a file is one atomic link().
export class LocalDiskStorage implements FileStorage {
  readonly name = "local-disk" as const;
  readonly root: string;

  constructor(root: string = process.env.STORAGE_DIR || DEFAULT_STORAGE_DIR) {
    this.root = path.resolve(/*turbopackIgnore: true*/ root);
  }

  pathFor(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  get tmpDir(): string {
    return path.join(this.root, ".tmp");
  }

  async put(input: TFileStorageInput): Promise<TStoredFile> {
    // With the bytes in hand the hash is known first: existing content costs no write at all.
    if (input instanceof Uint8Array) {
      const sha256 = createHash("sha256").update(input).digest("hex");
      if (await this.exists(sha256)) {
        await this.touch(sha256);
        return { key: sha256, sha256, size: input.byteLength };
      }
    }

    await fs.mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString("hex")}.part`);
    try {
      const hash = createHash("sha256");
      let size = 0;
      const hashing = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      const source =
        input instanceof Uint8Array ? Readable.from([Buffer.from(input)]) : input instanceof Readable ? input : Readable.from(input);
      await pipeline(source, hashing, createWriteStream(tmp, { flags: "wx", mode: 0o600 }));
      // The data must be on disk before the name that promises it exists.
      const handle = await fs.open(tmp, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest("hex");
      await this.publish(tmp, sha256);
      return { key: sha256, sha256, size };
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }

  // link() never replaces an existing name, unlike rename(): of two concurrent puts of the same
  // content one publishes and the other finds the file there, and neither overwrites.
  private async publish(tmp: string, sha256: string): Promise<void> {
    const target = this.pathFor(sha256);
    const dir = path.dirname(target);
    await fs.mkdir(dir, { recursive: true });
    await fs.chmod(tmp, 0o444);
    try {
      await fs.link(tmp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") return this.touch(sha256);
      // Some file systems (certain network or FUSE mounts) have no hard links.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw e;
      if (await this.exists(sha256)) return this.touch(sha256);
      await fs.rename(tmp, target);
    }
    await syncDir(dir);
  }

  // A put() of bytes already stored makes the file young again: the row about to reference it is
  // written after put() returns, and `npm run storage:sweep` removes only unreferenced files older
  // than a day (lib/storage/sweep-storage.ts). The file is read-only; its owner may still set times.
  private async touch(key: string): Promise<void> {
    const now = new Date();
    await fs.utimes(this.pathFor(key), now, now).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
  }

  // <root>/ab/cd/<sha256> files; `.tmp` and anything not named like a key are not stored files.
  async *list(): AsyncIterable<TListedFile> {
    const hex2 = /^[0-9a-f]{2}$/;
    for (const a of await readDirOrEmpty(this.root)) {
      if (!hex2.test(a)) continue;
      for (const b of await readDirOrEmpty(path.join(this.root, a))) {
        if (!hex2.test(b)) continue;
        for (const name of await readDirOrEmpty(path.join(this.root, a, b))) {
          if (!/^[0-9a-f]{64}$/.test(name) || name.slice(0, 2) !== a || name.slice(2, 4) !== b) continue;
          const stat = await fs.lstat(path.join(this.root, a, b, name)).catch(() => null);
          if (stat?.isFile()) yield { key: name, size: stat.size, storedAt: stat.mtime };
        }
      }
    }
  }

  async get(key: string): Promise<Buffer> {
    const file = this.pathFor(key);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new FileNotFoundError(key);
      throw e;
    }
    return verifyStoredBytes(key, bytes);
  }

  async getStream(key: string): Promise<Readable> {
    const file = this.pathFor(key);
    if (!(await this.exists(key))) throw new FileNotFoundError(key);
    return verifyStoredStream(key, createReadStream(file));
  }

  async delete(key: string): Promise<void> {
    const file = this.pathFor(key);
    await fs.rm(file, { force: true });
    await syncDir(path.dirname(file));
  }

  async exists(key: string): Promise<boolean> {
    try {
      const stat = await fs.stat(this.pathFor(key));
      return stat.isFile();
    } catch (e) {
      if (e instanceof FileNotFoundError) return false;
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw e;
    }
  }
}

async function readDirOrEmpty(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return [];
    throw e;
  }
}

async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch {
    // Directory fsync is not supported everywhere (e.g. some Windows or network file systems).
  } finally {
    await handle?.close();
  }
}
