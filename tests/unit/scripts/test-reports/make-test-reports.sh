#!/usr/bin/env bash
# Writes the real JSON reports that tests/unit/scripts/summarize-test-reports.test.ts reads: small
# throwaway projects run by the installed vitest and Playwright, one per situation the closing
# line of `npm test` must get right, each with the runner's exit code. Rerun it after upgrading
# either runner (that test fails until the reports' versions match the installed ones).
# Usage: tests/unit/scripts/test-reports/make-test-reports.sh
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d /tmp/certifica-test-reports-XXXXXX)
trap 'rm -rf "$work"' EXIT
ln -s "$root/node_modules" "$work/node_modules"
echo '{ "type": "module" }' > "$work/package.json"
vitest="$root/node_modules/.bin/vitest"
playwright="$root/node_modules/.bin/playwright"
vitest_version=$(node -p "require('$root/node_modules/vitest/package.json').version")
playwright_version=$(node -p "require('$root/node_modules/@playwright/test/package.json').version")

# $1: case name; the test files are already in $work/$1. Paths in the report are made relative
# to the throwaway project so that the stored files do not change from one run to the next.
run_vitest() {
  local dir="$work/vitest-$1"
  cat > "$dir/vitest.config.mts" <<'CFG'
import { defineConfig } from "vitest/config";
export default defineConfig({ test: { include: ["**/*.test.ts"], testTimeout: 2000 } });
CFG
  (cd "$dir" && env -u CI "$vitest" run --reporter=json --outputFile.json=report.json >/dev/null 2>&1)
  local rc=$?
  node -e '
    const fs = require("fs");
    const [file, dir, rc, version, out] = process.argv.slice(1);
    const report = JSON.parse(fs.readFileSync(file, "utf8").split(dir + "/").join(""));
    fs.writeFileSync(out, JSON.stringify({ runner: "vitest", version, exitCode: Number(rc), report }, null, 1) + "\n");
  ' "$dir/report.json" "$dir" "$rc" "$vitest_version" "$here/vitest-$1.json"
  echo "vitest $1: exit $rc"
}

run_playwright() {
  local dir="$work/playwright-$1" config=$2
  cat > "$dir/playwright.config.ts" <<CFG
import { defineConfig } from "@playwright/test";
export default defineConfig({ testDir: ".", workers: 1, reporter: [["json", { outputFile: "report.json" }]], $config });
CFG
  (cd "$dir" && env -u CI "$playwright" test >/dev/null 2>&1)
  local rc=$?
  WORK=$work node -e '
    const fs = require("fs");
    const [file, dir, rc, version, out] = process.argv.slice(1);
    const report = JSON.parse(fs.readFileSync(file, "utf8").split(dir + "/").join("").split(dir).join(".").split(process.env.WORK).join("."));
    // Timings and the machine vary from run to run; the summary never reads them.
    delete report.config.metadata; report.stats.startTime = "2026-01-01T00:00:00.000Z";
    fs.writeFileSync(out, JSON.stringify({ runner: "playwright", version, exitCode: Number(rc), report }, null, 1) + "\n");
  ' "$dir/report.json" "$dir" "$rc" "$playwright_version" "$here/playwright-$1.json"
  echo "playwright $1: exit $rc"
}

v() { mkdir -p "$work/vitest-$1"; cat > "$work/vitest-$1/$2"; }

# --- vitest
v passed a.test.ts <<'T'
import { expect, it } from "vitest";
it("passes", () => expect(1).toBe(1));
it.skip("is skipped", () => {});
it.todo("is to do");
T
run_vitest passed

v failed-test a.test.ts <<'T'
import { expect, it } from "vitest";
it("passes", () => expect(1).toBe(1));
it("fails", () => expect(1).toBe(2));
T
run_vitest failed-test

# A file that throws while loading: no test fails, the file does.
v failed-file a.test.ts <<'T'
import { expect, it } from "vitest";
it("passes", () => expect(1).toBe(1));
T
v failed-file b.test.ts <<'T'
import { it } from "vitest";
throw new Error("falla al cargar el archivo");
it("never collected", () => {});
T
run_vitest failed-file

# A beforeAll that throws: the suite fails, its tests are skipped, none is counted failed.
v failed-suite a.test.ts <<'T'
import { beforeAll, describe, expect, it } from "vitest";
it("passes", () => expect(1).toBe(1));
describe("suite with a broken hook", () => {
  beforeAll(() => { throw new Error("falla el beforeAll"); });
  it("would pass", () => expect(1).toBe(1));
});
T
run_vitest failed-suite

# An error thrown outside any test after the tests passed: vitest exits 1, its JSON says success.
v unhandled-error a.test.ts <<'T'
import { expect, it } from "vitest";
it("passes and leaves a rejected promise behind", () => {
  void Promise.reject(new Error("rechazo sin manejar"));
  expect(1).toBe(1);
});
T
run_vitest unhandled-error

# A test that never ends: it times out.
v timed-out a.test.ts <<'T'
import { expect, it } from "vitest";
it("passes", () => expect(1).toBe(1));
it("never ends", () => new Promise(() => {}));
T
run_vitest timed-out

# --- Playwright (no page: no browser is started)
p() { mkdir -p "$work/playwright-$1"; cat > "$work/playwright-$1/$2"; }

p passed a.spec.ts <<'T'
import { expect, test } from "@playwright/test";
test("passes", () => expect(1).toBe(1));
test("is skipped", () => test.skip(true, "no aplica"));
T
run_playwright passed ""

p failed-test a.spec.ts <<'T'
import { expect, test } from "@playwright/test";
test("passes", () => expect(1).toBe(1));
test("fails", () => expect(1).toBe(2));
T
run_playwright failed-test ""

# An error outside any test while others passed: the global teardown throws.
p global-error-with-passes a.spec.ts <<'T'
import { expect, test } from "@playwright/test";
test("passes", () => expect(1).toBe(1));
T
p global-error-with-passes teardown.ts <<'T'
export default async function globalTeardown() { throw new Error("falla el global teardown"); }
T
run_playwright global-error-with-passes 'globalTeardown: "./teardown.ts"'

# A spec file that fails to load: nothing runs.
p global-error-nothing-ran a.spec.ts <<'T'
import { test } from "@playwright/test";
throw new Error("falla al cargar el archivo");
test("never collected", () => {});
T
run_playwright global-error-nothing-ran ""

# Fails once, passes on the retry: flaky (Playwright exits 0 unless failOnFlakyTests).
p flaky a.spec.ts <<'T'
import { expect, test } from "@playwright/test";
test("passes", () => expect(1).toBe(1));
test("fails the first time only", ({}, testInfo) => expect(testInfo.retry).toBe(1));
T
run_playwright flaky "retries: 1"

# The whole run stops at its global timeout after a test passed: the running test is
# interrupted, the next never runs.
p timed-out a.spec.ts <<'T'
import { expect, test } from "@playwright/test";
test("passes", () => expect(1).toBe(1));
test("takes too long", async () => { await new Promise((r) => setTimeout(r, 120_000)); });
test("never starts", () => expect(1).toBe(1));
T
run_playwright timed-out "globalTimeout: 30_000, timeout: 0"

# maxFailures reached: the run stops, the remaining tests do not run.
p interrupted a.spec.ts <<'T'
import { expect, test } from "@playwright/test";
test("fails", () => expect(1).toBe(2));
test("never starts", () => expect(1).toBe(1));
T
run_playwright interrupted "maxFailures: 1"
