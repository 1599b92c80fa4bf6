import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileIntegrityError, FileNotFoundError } from "@/lib/storage/file-storage";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";

let root: string;
let storage: LocalDiskStorage;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-storage-"));
  storage = new LocalDiskStorage(root);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

async function streamToBuffer(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("LocalDiskStorage", () => {
  it("stores a buffer under its SHA-256, sharded ab/cd/<sha>, and reads it back", async () => {
    const bytes = randomBytes(100_000);
    const stored = await storage.put(bytes);
    expect(stored).toEqual({ key: sha(bytes), sha256: sha(bytes), size: bytes.length });
    const k = stored.key;
    expect(await listFiles(root)).toEqual([path.join(k.slice(0, 2), k.slice(2, 4), k)]);
    expect((await storage.get(k)).equals(bytes)).toBe(true);
    expect((await streamToBuffer(await storage.getStream(k))).equals(bytes)).toBe(true);
    expect(await storage.exists(k)).toBe(true);
    // Write-once: the stored file is read-only.
    expect((await fs.stat(storage.pathFor(k))).mode & 0o222).toBe(0);
  });

  it("stores a stream, hashing it on the way, and leaves no temp file", async () => {
    const parts = [randomBytes(70_000), randomBytes(1), randomBytes(300_000)];
    const whole = Buffer.concat(parts);
    const stored = await storage.put(Readable.from(parts));
    expect(stored.sha256).toBe(sha(whole));
    expect(stored.size).toBe(whole.length);
    expect((await storage.get(stored.key)).equals(whole)).toBe(true);
    expect(await fs.readdir(storage.tmpDir)).toEqual([]);
  });

  it("a put of content already stored is a no-op returning the same key", async () => {
    const bytes = Buffer.from("%PDF-1.7 contenido de prueba");
    const first = await storage.put(bytes);
    const inode = (await fs.stat(storage.pathFor(first.key))).ino;
    const again = await storage.put(Buffer.from(bytes));
    const asStream = await storage.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(again).toEqual(first);
    expect(asStream).toEqual(first);
    expect((await fs.stat(storage.pathFor(first.key))).ino).toBe(inode);
    expect(await listFiles(root)).toHaveLength(1);
  });

  it("concurrent puts of the same content all succeed with one stored file", async () => {
    const bytes = randomBytes(2_000_000);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        // Half as streams (no early hash check), half as buffers.
        i % 2 ? storage.put(Readable.from([bytes.subarray(0, 1_000_000), bytes.subarray(1_000_000)])) : storage.put(bytes),
      ),
    );
    for (const r of results) expect(r).toEqual({ key: sha(bytes), sha256: sha(bytes), size: bytes.length });
    expect(await listFiles(root)).toEqual([path.join(sha(bytes).slice(0, 2), sha(bytes).slice(2, 4), sha(bytes))]);
    expect((await storage.get(sha(bytes))).equals(bytes)).toBe(true);
  });

  it("different contents get different keys", async () => {
    const a = await storage.put(Buffer.from("a"));
    const b = await storage.put(Buffer.from("b"));
    expect(a.key).not.toBe(b.key);
    expect((await storage.get(a.key)).toString()).toBe("a");
    expect((await storage.get(b.key)).toString()).toBe("b");
  });

  it("an empty input is stored like any other content", async () => {
    const stored = await storage.put(Buffer.alloc(0));
    expect(stored.size).toBe(0);
    expect((await storage.get(stored.key)).length).toBe(0);
  });

  it("unknown or malformed keys are not found and never reach the file system", async () => {
    const missing = sha(Buffer.from("nunca guardado"));
    expect(await storage.exists(missing)).toBe(false);
    await expect(storage.get(missing)).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(storage.getStream(missing)).rejects.toBeInstanceOf(FileNotFoundError);
    for (const bad of ["../../etc/passwd", "ABCDEF", "", `${missing}/..`, missing.toUpperCase()]) {
      expect(await storage.exists(bad)).toBe(false);
      await expect(storage.get(bad)).rejects.toBeInstanceOf(FileNotFoundError);
    }
  });

  it("refuses to serve a stored file whose bytes no longer match its hash", async () => {
    const stored = await storage.put(Buffer.from("original"));
    const file = storage.pathFor(stored.key);
    await fs.chmod(file, 0o644);
    await fs.writeFile(file, "alterado");
    await expect(storage.get(stored.key)).rejects.toBeInstanceOf(FileIntegrityError);
    await expect(streamToBuffer(await storage.getStream(stored.key))).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it("a failing input stream stores nothing and leaves no temp file", async () => {
    async function* broken() {
      yield Buffer.from("primera parte");
      throw new Error("conexión interrumpida");
    }
    await expect(storage.put(broken())).rejects.toThrow("conexión interrumpida");
    expect(await listFiles(root)).toEqual([]);
  });

  it("delete removes the read-only file, is idempotent, and refuses a key that is not a SHA-256", async () => {
    const kept = await storage.put(randomBytes(1000));
    const gone = await storage.put(randomBytes(1000));
    await storage.delete(gone.key);
    expect(await storage.exists(gone.key)).toBe(false);
    await storage.delete(gone.key);
    await expect(storage.delete("../../etc/passwd")).rejects.toBeInstanceOf(FileNotFoundError);
    expect(await listFiles(root)).toEqual([path.join(kept.key.slice(0, 2), kept.key.slice(2, 4), kept.key)]);
  });
});
