import "server-only";
import { createHash } from "node:crypto";
import { type Readable, Transform } from "node:stream";
import { FileIntegrityError } from "./file-storage";

// A stored file's key is the SHA-256 of its bytes, so every backend checks what it reads against
// it the same way: whole bytes at once, or a stream as it flows.
export function verifyStoredBytes(key: string, bytes: Buffer): Buffer {
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== key) throw new FileIntegrityError(key, actual);
  return bytes;
}

// Streams are checked as they flow: a corrupted file fails at its end instead of being served whole.
export function verifyStoredStream(key: string, source: Readable): Readable {
  const hash = createHash("sha256");
  const verify = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest("hex");
      done(actual === key ? null : new FileIntegrityError(key, actual));
    },
  });
  source.on("error", (e) => verify.destroy(e));
  return source.pipe(verify);
}
