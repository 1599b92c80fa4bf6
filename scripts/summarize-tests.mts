// `npm test`'s closing line: `tsx scripts/summarize-tests.mts --vitest FILE --vitest-exit N
// --playwright FILE --playwright-exit N [--vitest-process FILE --vitest-process-exit N]` (the
// last pair: vitest's "process" project, run after the build beside Playwright). Prints each
// problem, then "N passed, N failed, N skipped" over every report given; exits 1 whenever that
// line counts a failure, so the line and the exit code agree. An exit code left out means the
// runner did not run.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { summarizeTestReports, type TRunnerName, type TRunnerOutcome } from "./summarize-test-reports.mjs";

const { values } = parseArgs({
  options: {
    vitest: { type: "string" },
    "vitest-exit": { type: "string" },
    playwright: { type: "string" },
    "playwright-exit": { type: "string" },
    "vitest-process": { type: "string" },
    "vitest-process-exit": { type: "string" },
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

function outcome(runner: TRunnerName, file: string | undefined, exit: string | undefined, label?: string): TRunnerOutcome | null {
  if (!file) return null;
  const exitCode = exit === undefined || exit === "" ? null : Number(exit);
  return { runner, ...(label ? { label } : {}), report: readReport(file), exitCode: Number.isInteger(exitCode) ? exitCode : null };
}

const outcomes = [
  outcome("vitest", values.vitest, values["vitest-exit"]),
  outcome("Playwright", values.playwright, values["playwright-exit"]),
  outcome("vitest", values["vitest-process"], values["vitest-process-exit"], "vitest (servidor como proceso)"),
].filter((o): o is TRunnerOutcome => o !== null);
const summary = summarizeTestReports(outcomes);
for (const problem of summary.problems) console.log(`✗ ${problem}`);
console.log(summary.line);
process.exit(summary.ok ? 0 : 1);
