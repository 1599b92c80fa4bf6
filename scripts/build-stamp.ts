// The fingerprint of the sources `next build` compiles (names, sizes and times). `npm start`
// rebuilds only when it differs from the one recorded beside the last build; `npm test` records it
// after its own build, so the `npm start` that CI runs next serves that build instead of compiling
// the same sources again. Run directly, it prints the fingerprint.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const BUILD_STAMP_FILE = ".next/certifica-build-stamp";

export function sourceStamp(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) if (e !== "node_modules" && e !== "generated") walk(path.join(p, e));
    } else h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of ["app", "components", "lib", "public", "proxy.ts", "auth.ts", "auth.config.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "instrumentation.ts"]) walk(p);
  return h.digest("hex");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.stdout.write(sourceStamp());
}
