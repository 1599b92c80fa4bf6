import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// scripts/ensure-deps.mjs (the first step of `npm start` and `npm test`) in a clone with nothing
// installed, with an `npm` on PATH that only records how it was called.
const script = path.join(process.cwd(), "scripts/ensure-deps.mjs");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function runInFreshClone(env: NodeJS.ProcessEnv, withLock = true): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-ensure-deps-"));
  dirs.push(dir);
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin);
  const calls = path.join(dir, "npm-calls.txt");
  fs.writeFileSync(path.join(bin, "npm"), `#!/bin/sh\necho "$*" >> "${calls}"\nmkdir -p node_modules && touch node_modules/.package-lock.json\n`, { mode: 0o755 });
  if (withLock) fs.writeFileSync(path.join(dir, "package-lock.json"), "{}");
  fs.mkdirSync(path.join(dir, "lib/generated/prisma"), { recursive: true });
  fs.writeFileSync(path.join(dir, "lib/generated/prisma/client.ts"), "");
  const r = spawnSync(process.execPath, [script], { cwd: dir, env: { ...env, PATH: `${bin}:${process.env.PATH}` }, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return fs.readFileSync(calls, "utf8").trim().split("\n");
}

describe("npm start / npm test's dependency step (scripts/ensure-deps.mjs)", () => {
  it("installs the devDependencies too when NODE_ENV=production is set, as on a server: the build and the tests need them", () => {
    expect(runInFreshClone({ NODE_ENV: "production" })).toEqual(["ci --include=dev --no-audit --no-fund"]);
    expect(runInFreshClone({ NODE_ENV: "production" }, false)).toEqual(["install --include=dev --no-audit --no-fund"]);
  });
});
