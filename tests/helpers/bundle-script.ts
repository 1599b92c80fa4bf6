import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

// A command-line script (scripts/*.mts) compiled once into one ES module, for tests that run it
// many times as its own process: `tsx` transpiles and resolves the script's whole TypeScript graph
// again in every child (≈ 1 s of CPU each, the tsx CLI being two node processes), where `node` on
// the bundle starts in a tenth of that. esbuild is what tsx itself compiles with, and the packages
// stay external (loaded from node_modules as the script loads them), so the child runs the same
// code. Tests keep at least one run through `tsx`, as npm runs the script, for the command itself.
export async function bundleScript(script: string): Promise<string> {
  const root = path.resolve(__dirname, "../..");
  // Inside the repository, so the bundle's bare imports resolve to this checkout's node_modules.
  const dir = path.join(root, "node_modules/.cache/certifica-test-scripts");
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `${path.basename(script).replace(/\.[cm]?ts$/, "")}-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [path.join(root, script)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}
