import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { SERVER_CODE } from "@/scripts/lint/server-code.mjs";

// Issue #15 §4: "Logs are JSON lines with level, request id, route and duration … no personal data
// beyond ids". Code that runs in the server process writes through lib/log.ts (pino), never
// console.*, whose plain text a log collector cannot parse. eslint.config.mjs says so (ESLint's
// `no-console` over scripts/lint/server-code.mjs's files); this test runs that ESLint in `npm test`.
// Allowed: client components ("use client", they run in the browser) and the line after
// `// eslint-disable-next-line no-console -- <why>` (a disable comment without its reason is refused).
const root = process.cwd();
const eslint = new ESLint({ cwd: root });

const rulesFor = async (file: string) => (await eslint.calculateConfigForFile(file))?.rules ?? {};
const isOn = (setting: unknown) => (Array.isArray(setting) ? setting[0] : setting) === 2 || (Array.isArray(setting) ? setting[0] : setting) === "error";

// Parsing several hundred files takes a while on a busy machine; only a hung run should fail here.
const LINT_TIMEOUT_MS = 300_000;

describe("server code logs through lib/log.ts, never console.* (eslint.config.mjs no-console)", () => {
  it("covers the server process (lib, app's server files, instrumentation, proxy, Auth.js, serve.mts and serve-instance.mts), not the CLI tools nor client components", async () => {
    for (const f of ["lib/log.ts", "lib/action.ts", "instrumentation.ts", "proxy.ts", "auth.ts", "auth.config.ts", "scripts/serve.mts", "scripts/serve-instance.mts", "app/api/salud/route.ts"]) {
      expect(isOn((await rulesFor(f))["no-console"]), f).toBe(true);
    }
    expect(await eslint.isPathIgnored("lib/generated/prisma/client.ts")).toBe(true);
    expect(isOn((await rulesFor("scripts/storage-sweep.mts"))["no-console"])).toBe(false);
    // A client component under app/: its console is the browser's.
    expect(fs.readFileSync("app/error.tsx", "utf8")).toMatch(/^["']use client["']/);
    expect(isOn((await rulesFor("app/error.tsx"))["no-console"])).toBe(false);
  });

  it(
    '"Logs are JSON lines with level, request id…": ESLint finds nothing in the server code, but the reasoned exceptions',
    async () => {
      const results = await eslint.lintFiles(SERVER_CODE);
      // Hundreds of files, not a glob that matched nothing.
      expect(results.length).toBeGreaterThan(300);
      const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId ?? ""} ${m.message}`));
      expect(problems).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );

  it("finds a console call, and lets one pass only after a disable comment that gives its reason", async () => {
    // Linted as if they were server files (nothing is written: another test may be reading lib/).
    const [s] = await eslint.lintText('export function f() {\n  console.error("x");\n  console["warn"]("y");\n}\n', { filePath: "lib/no-console-fixture/server.ts" });
    const [c] = await eslint.lintText("// eslint-disable-next-line no-console -- the CLI's answer\nconsole.error(1);\n// eslint-disable-next-line no-console\nconsole.log(2);\n", {
      filePath: "lib/no-console-fixture/cli.ts",
    });
    expect(s.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [2, "no-console"],
      [3, "no-console"],
    ]);
    // The directive without a reason still silences no-console, and is refused itself.
    expect(c.messages.map((m) => [m.line, m.ruleId])).toEqual([[3, "@eslint-community/eslint-comments/require-description"]]);
  });
});
