import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarizeTestReports, type TRunnerName, type TRunnerOutcome } from "@/scripts/summarize-test-reports.mjs";
import { bundleScript } from "../../helpers/bundle-script";

// Real reports written by the installed runners (tests/unit/scripts/test-reports/make-test-reports.sh),
// each with the exit code the runner gave.
type TStoredReport = { runner: "vitest" | "playwright"; version: string; exitCode: number; report: unknown };
const dir = path.join(import.meta.dirname, "test-reports");
const stored = (name: string): TStoredReport => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8"));
const runnerName = (s: TStoredReport): TRunnerName => (s.runner === "vitest" ? "vitest" : "Playwright");
const outcome = (name: string): TRunnerOutcome => {
  const s = stored(name);
  return { runner: runnerName(s), report: s.report, exitCode: s.exitCode };
};
const summarize = (...names: string[]) => summarizeTestReports(names.map(outcome));
const installed = (pkg: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", pkg, "package.json"), "utf8")).version;

describe("the stored reports", () => {
  it("were written by the runners installed now (rerun make-test-reports.sh after upgrading one)", () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBe(13);
    for (const file of files) {
      const s = stored(file.replace(/\.json$/, ""));
      expect(s.version, file).toBe(installed(s.runner === "vitest" ? "vitest" : "@playwright/test"));
    }
  });
});

describe("summarizeTestReports on vitest 4 reports", () => {
  it("a green run: passed, skipped and to-do tests, nothing failed", () => {
    expect(summarize("vitest-passed")).toEqual({ passed: 1, failed: 0, skipped: 2, problems: [], ok: true, line: "1 passed, 0 failed, 2 skipped" });
  });

  it("a failed test, and a test that timed out, are named", () => {
    expect(summarize("vitest-failed-test")).toMatchObject({ passed: 1, failed: 1, ok: false, line: "1 passed, 1 failed, 0 skipped" });
    expect(summarize("vitest-failed-test").problems).toEqual(["vitest: 1 prueba falló: a.test.ts › fails"]);
    expect(summarize("vitest-timed-out").problems).toEqual(["vitest: 1 prueba falló: a.test.ts › never ends"]);
  });

  it("a file that does not load fails the run though no test failed (success: false)", () => {
    const report = stored("vitest-failed-file").report as { success: boolean; numFailedTests: number };
    expect([report.success, report.numFailedTests]).toEqual([false, 0]);
    const summary = summarize("vitest-failed-file");
    expect(summary).toMatchObject({ passed: 1, failed: 1, ok: false, line: "1 passed, 1 failed, 0 skipped" });
    expect(summary.problems).toEqual(["vitest: b.test.ts falló fuera de sus pruebas (falla al cargar el archivo)"]);
  });

  it("a failing beforeAll fails the run though its tests are only skipped", () => {
    const summary = summarize("vitest-failed-suite");
    expect(summary).toMatchObject({ passed: 1, failed: 1, skipped: 1, ok: false });
    expect(summary.problems).toEqual(["vitest: a.test.ts falló fuera de sus pruebas (un hook o una suite falló)"]);
  });

  it("an unhandled error fails the run: the JSON says success, the exit code does not", () => {
    const s = stored("vitest-unhandled-error");
    expect([(s.report as { success: boolean }).success, s.exitCode]).toEqual([true, 1]);
    const summary = summarize("vitest-unhandled-error");
    expect(summary).toMatchObject({ passed: 1, failed: 1, ok: false, line: "1 passed, 1 failed, 0 skipped" });
    expect(summary.problems[0]).toMatch(/^vitest terminó con código 1 sin que su informe diga por qué/);
  });
});

describe("summarizeTestReports on Playwright 1.65 reports", () => {
  it("a green run, with a test skipped on purpose", () => {
    expect(summarize("playwright-passed")).toEqual({ passed: 1, failed: 0, skipped: 1, problems: [], ok: true, line: "1 passed, 0 failed, 1 skipped" });
  });

  it("a failed test is named", () => {
    const summary = summarize("playwright-failed-test");
    expect(summary).toMatchObject({ passed: 1, failed: 1, ok: false });
    expect(summary.problems).toEqual(["Playwright: 1 prueba falló: a.spec.ts › fails"]);
  });

  it("an error outside the tests fails the run even when tests passed", () => {
    const summary = summarize("playwright-global-error-with-passes");
    expect(summary).toMatchObject({ passed: 1, failed: 1, ok: false, line: "1 passed, 1 failed, 0 skipped" });
    expect(summary.problems).toEqual(["Playwright: error fuera de las pruebas: Error: falla el global teardown"]);
  });

  it("a spec file that does not load: every error outside the tests counts", () => {
    const summary = summarize("playwright-global-error-nothing-ran");
    expect(summary).toMatchObject({ passed: 0, failed: 2, ok: false });
    expect(summary.problems).toEqual([
      "Playwright: error fuera de las pruebas: Error: falla al cargar el archivo",
      "Playwright: error fuera de las pruebas: Error: No tests found",
    ]);
  });

  it("a flaky test fails the run, though Playwright itself exits 0 for it", () => {
    expect(stored("playwright-flaky").exitCode).toBe(0);
    const summary = summarize("playwright-flaky");
    expect(summary).toMatchObject({ passed: 1, failed: 1, ok: false, line: "1 passed, 1 failed, 0 skipped" });
    expect(summary.problems).toEqual(["Playwright: 1 prueba inestable (falló y pasó al reintentarla): a.spec.ts › fails the first time only"]);
  });

  it("a run cut by its global timeout: the tests that did not run and the timeout count, not as skipped", () => {
    const summary = summarize("playwright-timed-out");
    expect(summary).toMatchObject({ passed: 1, failed: 4, skipped: 0, ok: false });
    expect(summary.problems).toEqual([
      "Playwright: 2 pruebas no llegaron a correr (corrida interrumpida o cortada): a.spec.ts › takes too long; a.spec.ts › never starts",
      "Playwright: error fuera de las pruebas: Timed out waiting 30s for the test suite to run",
      "Playwright: error fuera de las pruebas: Timed out waiting 30s for the teardown for test suite to run",
    ]);
  });

  it("a run stopped at maxFailures: the failure and the test left out", () => {
    const summary = summarize("playwright-interrupted");
    expect(summary).toMatchObject({ passed: 0, failed: 3, skipped: 0, ok: false });
    expect(summary.problems).toEqual([
      "Playwright: 1 prueba falló: a.spec.ts › fails",
      "Playwright: 1 prueba no llegó a correr (corrida interrumpida o cortada): a.spec.ts › never starts",
      "Playwright: error fuera de las pruebas: Testing stopped early after 1 maximum allowed failures.",
    ]);
  });
});

describe("summarizeTestReports over the whole suite", () => {
  const all = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));

  it("agrees with every runner's exit code: a runner that failed is never summed up as 0 failed", () => {
    for (const name of all) {
      const summary = summarize(name);
      expect(summary.line, name).toBe(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
      expect(summary.ok, name).toBe(summary.failed === 0);
      if (stored(name).exitCode !== 0) expect(summary.failed, name).toBeGreaterThan(0);
      if (!summary.ok) expect(summary.problems.length, name).toBeGreaterThan(0);
    }
  });

  it("adds both runners up, and one failing runner fails the whole line", () => {
    expect(summarize("vitest-passed", "playwright-passed")).toMatchObject({ passed: 2, failed: 0, skipped: 3, ok: true, line: "2 passed, 0 failed, 3 skipped" });
    expect(summarize("vitest-passed", "playwright-global-error-with-passes")).toMatchObject({ passed: 2, failed: 1, ok: false });
    expect(summarize("vitest-unhandled-error", "playwright-passed")).toMatchObject({ passed: 2, failed: 1, ok: false });
  });

  it("counts the process tests (vitest's second run, after the build) in the same line, named apart in its problems", () => {
    const processRun = (name: string): TRunnerOutcome => ({ ...outcome(name), label: "vitest (servidor como proceso)" });
    expect(summarizeTestReports([outcome("vitest-passed"), outcome("playwright-passed"), processRun("vitest-passed")])).toMatchObject({
      passed: 3,
      failed: 0,
      skipped: 5,
      ok: true,
      line: "3 passed, 0 failed, 5 skipped",
    });
    const failing = summarizeTestReports([outcome("vitest-passed"), outcome("playwright-passed"), processRun("vitest-failed-test")]);
    expect(failing).toMatchObject({ passed: 3, failed: 1, ok: false, line: "3 passed, 1 failed, 3 skipped" });
    expect(failing.problems).toEqual(["vitest (servidor como proceso): 1 prueba falló: a.test.ts › fails"]);
    // The build failed: the process tests never ran, and that is a failure too.
    const notRun = summarizeTestReports([outcome("vitest-passed"), { runner: "vitest", label: "vitest (servidor como proceso)", report: null, exitCode: null }]);
    expect(notRun).toMatchObject({ passed: 1, failed: 1, ok: false, problems: ["vitest (servidor como proceso) no escribió su informe (no corrió)"] });
  });

  it("a missing report, a runner that never ran, or a report of another shape fails the run", () => {
    expect(summarizeTestReports([{ runner: "vitest", report: null, exitCode: 1 }])).toMatchObject({
      failed: 1,
      ok: false,
      problems: ["vitest no escribió su informe (terminó con código 1)"],
    });
    expect(summarizeTestReports([outcome("vitest-passed"), { runner: "Playwright", report: null, exitCode: null }])).toMatchObject({
      passed: 1,
      failed: 1,
      ok: false,
      problems: ["Playwright no escribió su informe (no corrió)"],
    });
    const summary = summarizeTestReports([{ runner: "Playwright", report: { stats: { expected: 3 } }, exitCode: 0 }]);
    expect(summary).toMatchObject({ passed: 0, failed: 1, ok: false });
    expect(summary.problems[0]).toMatch(/^el informe de Playwright no tiene la forma esperada \(terminó con código 0\)/);
  });
});

// Each run starts tsx in a child process (≈ 1 s idle, several on a busy machine): the timeout only
// catches a hang.
describe("npm test's closing command (scripts/summarize-tests.mts)", { timeout: 60_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-summary-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string) => {
    const file = path.join(tmp, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify(stored(name).report));
    return file;
  };
  // The script's own process: through tsx, as scripts/test.sh runs it, for the first case; from
  // its esbuild bundle for the others (tests/helpers/bundle-script.ts says why).
  let bundled: string;
  beforeAll(async () => {
    bundled = await bundleScript("scripts/summarize-tests.mts");
  });
  const run = (args: string[], via: "tsx" | "bundle" = "bundle") => {
    const script = via === "tsx" ? [path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "scripts/summarize-tests.mts"] : [bundled];
    const r = spawnSync(process.execPath, [...script, ...args], { encoding: "utf8" });
    return { status: r.status, lines: r.stdout.trim().split("\n") };
  };

  it("exits 0 with the line when both runs are green", () => {
    const r = run(["--vitest", write("vitest-passed"), "--vitest-exit", "0", "--playwright", write("playwright-passed"), "--playwright-exit", "0"], "tsx");
    expect(r).toEqual({ status: 0, lines: ["2 passed, 0 failed, 3 skipped"] });
  });

  it("prints the problems, then the line, and exits 1 when the line counts a failure", () => {
    const r = run(["--vitest", write("vitest-unhandled-error"), "--vitest-exit", "1", "--playwright", write("playwright-flaky"), "--playwright-exit", "0"]);
    expect(r.status).toBe(1);
    expect(r.lines.at(-1)).toBe("2 passed, 2 failed, 0 skipped");
    expect(r.lines.slice(0, -1).every((l) => l.startsWith("✗ "))).toBe(true);
    expect(r.lines).toHaveLength(3);
  });

  it("counts the process tests' report in the closing line, and their failure in its exit code", () => {
    const green = ["--vitest", write("vitest-passed"), "--vitest-exit", "0", "--playwright", write("playwright-passed"), "--playwright-exit", "0"];
    expect(run([...green, "--vitest-process", write("vitest-passed"), "--vitest-process-exit", "0"])).toEqual({ status: 0, lines: ["3 passed, 0 failed, 5 skipped"] });
    expect(run([...green, "--vitest-process", write("vitest-failed-test"), "--vitest-process-exit", "1"])).toEqual({
      status: 1,
      lines: ["✗ vitest (servidor como proceso): 1 prueba falló: a.test.ts › fails", "3 passed, 1 failed, 3 skipped"],
    });
  });

  it("a report that is not there (Playwright not run after a failed build) fails", () => {
    const r = run(["--vitest", write("vitest-passed"), "--vitest-exit", "0", "--playwright", path.join(tmp, "missing.json"), "--playwright-exit", ""]);
    expect(r).toEqual({ status: 1, lines: ["✗ Playwright no escribió su informe (no corrió)", "1 passed, 1 failed, 2 skipped"] });
  });
});
