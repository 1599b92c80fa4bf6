import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// A command-line script (scripts/*.mts) compiled into one ES module, for tests that run it as its
// own process many times: `tsx` transpiles and resolves the script's whole TypeScript graph again in
// every child (≈ 1 s of CPU each, the tsx CLI being two node processes), where `node` on the bundle
// starts in a tenth of that. esbuild is what tsx itself compiles with, and the packages stay
// external (loaded from node_modules as the script loads them), so the child runs the same code.
// Tests keep at least one run through `tsx`, as npm runs the script, where the command is the thing
// tested.
//
// The file is named by its content: a run (or a parallel one) that compiled the same sources
// reuses it, an edited source makes a new one, and a killed test process leaves nothing to clean.
export async function bundleScript(script: string): Promise<string> {
  // import.meta, not __dirname: `npm run bench` loads this file as an ES module (through scripts/bench.mts).
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const result = await build({
    entryPoints: [path.join(root, script)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    write: false,
    outfile: "bundle.mjs",
    logLevel: "warning",
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  // Inside the repository, so the bundle's bare imports resolve to this checkout's node_modules.
  const dir = path.join(root, "node_modules/.cache/certifica-test-scripts");
  const file = path.join(dir, `${path.basename(script).replace(/\.[cm]?ts$/, "")}-${hash}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, file);
  }
  return file;
}
