// `npm test`'s closing line: `tsx scripts/summarize-tests.mts --vitest FILE --vitest-exit N
// --playwright FILE --playwright-exit N`. Prints each problem, then "N passed, N failed,
// N skipped"; exits 1 whenever that line counts a failure, so the line and the exit code agree.
// An exit code left out means the runner did not run.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { summarizeTestReports, type TRunnerName, type TRunnerOutcome } from "./summarize-test-reports.mjs";

const { values } = parseArgs({
  options: {
    vitest: { type: "string" },
    "vitest-exit": { type: "string" },
    playwright: { type: "string" },
    "playwright-exit": { type: "string" },
  },
});

function readReport(file: string): unknown {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function outcome(runner: TRunnerName, file: string | undefined, exit: string | undefined): TRunnerOutcome | null {
  if (!file) return null;
  const exitCode = exit === undefined || exit === "" ? null : Number(exit);
  return { runner, report: readReport(file), exitCode: Number.isInteger(exitCode) ? exitCode : null };
}

const outcomes = [outcome("vitest", values.vitest, values["vitest-exit"]), outcome("Playwright", values.playwright, values["playwright-exit"])].filter(
  (o): o is TRunnerOutcome => o !== null,
);
const summary = summarizeTestReports(outcomes);
for (const problem of summary.problems) console.log(`✗ ${problem}`);
console.log(summary.line);
process.exit(summary.ok ? 0 : 1);
