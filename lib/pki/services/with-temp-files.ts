import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Request/response files for one openssl child, in the services' state directory, removed after.
export async function withTempFiles<T>(dir: string, names: string[], task: (files: string[]) => Promise<T>): Promise<T> {
  const id = randomBytes(8).toString("hex");
  const files = names.map((n) => path.join(dir, `${id}-${n}`));
  try {
    return await task(files);
  } finally {
    for (const f of files) fs.rmSync(f, { force: true });
  }
}
