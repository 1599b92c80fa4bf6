import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Request/response files for one openssl child, removed after. `task` gets their paths relative
// to `cwd` (the PKI directory, where openssl runs); they live in `cwd/dir`.
export async function withTempFiles<T>(cwd: string, dir: string, names: string[], task: (files: string[]) => Promise<T>): Promise<T> {
  const id = randomBytes(8).toString("hex");
  const files = names.map((n) => path.join(dir, `${id}-${n}`));
  try {
    return await task(files);
  } finally {
    for (const f of files) fs.rmSync(path.join(cwd, f), { force: true });
  }
}
