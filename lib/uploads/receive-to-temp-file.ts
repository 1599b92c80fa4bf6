import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { UploadError } from "./upload-error";

export type TUploadBody = ReadableStream<Uint8Array> | Readable | AsyncIterable<Uint8Array>;

export function defaultUploadTmpDir(): string {
  return process.env.UPLOAD_TMP_DIR || path.join(os.tmpdir(), "certifica-uploads");
}

// Writes a request body to a temp file, counting bytes as they arrive and aborting the moment
// the limit is passed: memory holds one chunk at a time, never the file. The caller owns the
// returned file and must remove it; on any failure nothing is left behind.
export async function receiveToTempFile(
  body: TUploadBody,
  options: { tmpDir?: string; maxBytes: number },
): Promise<{ path: string; size: number }> {
  const dir = options.tmpDir ?? defaultUploadTmpDir();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${Date.now()}-${randomBytes(8).toString("hex")}.upload`);

  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > options.maxBytes) return done(new UploadError("TOO_LARGE"));
      done(null, chunk);
    },
  });

  try {
    await pipeline(toReadable(body), limit, createWriteStream(file, { flags: "wx", mode: 0o600 }));
    return { path: file, size };
  } catch (e) {
    await fs.rm(file, { force: true });
    if (e instanceof UploadError) throw e;
    // The client went away or the connection broke mid-upload.
    throw new UploadError("INCOMPLETE");
  }
}

function toReadable(body: TUploadBody): Readable {
  if (body instanceof Readable) return body;
  if (typeof (body as ReadableStream<Uint8Array>).getReader === "function") {
    return Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>);
  }
  return Readable.from(body as AsyncIterable<Uint8Array>);
}

// What is left of a body the server refuses to store is read and dropped, up to `limit` bytes,
// before the refusal is sent. Answering while the client is still sending makes the server close
// the connection under it: the client's upload fails with EPIPE/ECONNRESET, and a client that
// reads the answer only after sending, or whose system drops it on the reset, shows a broken
// connection instead of "Su sesión terminó". A body announced or found larger than `limit` is
// cancelled instead: reading it would cost more than the reset does (the page checks the size
// before sending, so only other clients get there). A body already partly read is left alone.
export async function drainBody(body: ReadableStream<Uint8Array> | null, options: { limit: number; declaredSize: number | null }): Promise<void> {
  if (!body || body.locked) return;
  if (options.declaredSize !== null && options.declaredSize > options.limit) {
    await body.cancel().catch(() => undefined);
    return;
  }
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > options.limit) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing left to read.
  } finally {
    reader.releaseLock();
  }
}
