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

// A body the server decided not to read is cancelled, so the client stops sending it.
export async function discardBody(body: TUploadBody): Promise<void> {
  try {
    if (body instanceof Readable) body.destroy();
    else if (typeof (body as ReadableStream<Uint8Array>).cancel === "function") await (body as ReadableStream<Uint8Array>).cancel();
    else await (body as AsyncGenerator<Uint8Array>).return?.(undefined);
  } catch {
    // Already closed or locked: nothing left to stop.
  }
}
