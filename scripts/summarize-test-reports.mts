// The closing line of `npm test`, from the JSON reports of vitest 4 and Playwright 1.65 and the
// exit code of each runner. Pure: reads nothing, prints nothing (scripts/summarize-tests.mts
// does). The line must never say "0 failed" for a run that failed, so anything that makes a run
// fail counts there: a failed test, a flaky one, a test that never ran, a failure outside any
// test (a file that does not load, a failing hook, a global setup or teardown, an unhandled
// error), a missing or unreadable report, and a runner that exited non-zero without saying why
// in its report (vitest leaves unhandled errors out of its JSON and still says `success: true`).
import { z } from "zod";

export type TRunnerName = "vitest" | "Playwright";

export type TRunnerOutcome = {
  runner: TRunnerName;
  // How its problems name it, when one runner runs twice (vitest's process project runs after the
  // build, apart from unit and integration); the runner's name by default.
  label?: string;
  // The parsed JSON report; null when the runner wrote none (or it could not be read).
  report: unknown;
  // null when the runner did not run at all.
  exitCode: number | null;
};

export type TTestSummary = {
  passed: number;
  // Everything that makes the run fail, each problem counted at least once.
  failed: number;
  skipped: number;
  // One Spanish sentence per problem, to print before the closing line.
  problems: string[];
  ok: boolean;
  line: string;
};

const ZVitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
  numFailedTestSuites: z.number(),
  success: z.boolean(),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(z.object({ fullName: z.string(), status: z.string() })),
    }),
  ),
});

const ZPlaywrightTest = z.object({
  expectedStatus: z.string(),
  // The test's outcome: expected, unexpected, flaky or skipped.
  status: z.string(),
  results: z.array(z.object({ status: z.string() })),
});

type TPlaywrightSuite = {
  title: string;
  specs: { title: string; file: string; tests: z.infer<typeof ZPlaywrightTest>[] }[];
  suites?: TPlaywrightSuite[];
};

const ZPlaywrightSuite: z.ZodType<TPlaywrightSuite> = z.lazy(() =>
  z.object({
    title: z.string(),
    specs: z.array(z.object({ title: z.string(), file: z.string(), tests: z.array(ZPlaywrightTest) })),
    suites: z.array(ZPlaywrightSuite).optional(),
  }),
);

const ZPlaywrightReport = z.object({
  suites: z.array(ZPlaywrightSuite),
  errors: z.array(z.object({ message: z.string().optional() })),
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

type TCount = { passed: number; failed: number; skipped: number; problems: string[] };

const ANSI = /\u001b\[[0-9;]*m/g;
const firstLine = (text: string | undefined) => (text ?? "").replace(ANSI, "").trim().split("\n")[0];
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function countVitest(report: z.infer<typeof ZVitestReport>, name: string): TCount {
  const problems: string[] = [];
  let failed = report.numFailedTests;
  if (failed > 0) {
    const names = report.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === "failed").map((a) => `${f.name} › ${a.fullName}`));
    problems.push(`${name}: ${plural(failed, "prueba falló", "pruebas fallaron")}: ${names.join("; ")}`);
  }
  // A file that failed with no failed test in it: it did not load, or a hook or a suite failed.
  for (const file of report.testResults) {
    if (file.status === "failed" && !file.assertionResults.some((a) => a.status === "failed")) {
      failed += 1;
      problems.push(`${name}: ${file.name} falló fuera de sus pruebas (${firstLine(file.message) || "un hook o una suite falló"})`);
    }
  }
  if (!report.success && failed === 0) {
    failed += 1;
    problems.push(`${name}: el informe dice que la corrida falló (${plural(report.numFailedTestSuites, "suite fallida", "suites fallidas")})`);
  }
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests, problems };
}

function countPlaywright(report: z.infer<typeof ZPlaywrightReport>, name: string): TCount {
  const count: TCount = { passed: 0, failed: 0, skipped: 0, problems: [] };
  const failedNames: string[] = [];
  const flakyNames: string[] = [];
  const notRunNames: string[] = [];
  const walk = (suite: TPlaywrightSuite, path: string[]) => {
    for (const spec of suite.specs) {
      const name = [...path, spec.title].join(" › ");
      for (const test of spec.tests) {
        if (test.status === "expected") count.passed += 1;
        else if (test.status === "unexpected") failedNames.push(name);
        else if (test.status === "flaky") flakyNames.push(name);
        // Skipped on purpose (test.skip, fixme) expects "skipped"; a test that was meant to run
        // and did not was cut short: an interrupted or timed-out run, a failure before it.
        else if (test.expectedStatus === "skipped") count.skipped += 1;
        else notRunNames.push(name);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const file of report.suites) walk(file, [file.title]);

  if (failedNames.length) count.problems.push(`${name}: ${plural(failedNames.length, "prueba falló", "pruebas fallaron")}: ${failedNames.join("; ")}`);
  if (flakyNames.length) {
    count.problems.push(`${name}: ${plural(flakyNames.length, "prueba inestable (falló y pasó al reintentarla)", "pruebas inestables (fallaron y pasaron al reintentarlas)")}: ${flakyNames.join("; ")}`);
  }
  if (notRunNames.length) {
    count.problems.push(`${name}: ${plural(notRunNames.length, "prueba no llegó", "pruebas no llegaron")} a correr (corrida interrumpida o cortada): ${notRunNames.join("; ")}`);
  }
  for (const error of report.errors) count.problems.push(`${name}: error fuera de las pruebas: ${firstLine(error.message) || "sin mensaje"}`);
  count.failed = failedNames.length + flakyNames.length + notRunNames.length + report.errors.length;
  return count;
}

function countRunner(outcome: TRunnerOutcome): TCount {
  const { runner, exitCode } = outcome;
  const name = outcome.label ?? runner;
  const exit = exitCode === null ? "no corrió" : `terminó con código ${exitCode}`;
  if (outcome.report === null || outcome.report === undefined) {
    return { passed: 0, failed: 1, skipped: 0, problems: [`${name} no escribió su informe (${exit})`] };
  }
  const parsed = runner === "vitest" ? ZVitestReport.safeParse(outcome.report) : ZPlaywrightReport.safeParse(outcome.report);
  if (!parsed.success) {
    return { passed: 0, failed: 1, skipped: 0, problems: [`el informe de ${name} no tiene la forma esperada (${exit}): ${firstLine(parsed.error.message)}`] };
  }
  const count =
    runner === "vitest"
      ? countVitest(parsed.data as z.infer<typeof ZVitestReport>, name)
      : countPlaywright(parsed.data as z.infer<typeof ZPlaywrightReport>, name);
  // The exit code has the last word: vitest reports an unhandled error only there.
  if (exitCode !== 0 && count.failed === 0) {
    count.failed = 1;
    count.problems.push(`${name} ${exit} sin que su informe diga por qué (p. ej. un error no manejado fuera de las pruebas): vea su salida`);
  }
  return count;
}

export function summarizeTestReports(outcomes: TRunnerOutcome[]): TTestSummary {
  const total: TCount = { passed: 0, failed: 0, skipped: 0, problems: [] };
  for (const outcome of outcomes) {
    const count = countRunner(outcome);
    total.passed += count.passed;
    total.failed += count.failed;
    total.skipped += count.skipped;
    total.problems.push(...count.problems);
  }
  const { passed, failed, skipped, problems } = total;
  return { passed, failed, skipped, problems, ok: failed === 0, line: `${passed} passed, ${failed} failed, ${skipped} skipped` };
}
