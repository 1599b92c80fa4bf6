import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { listClientModules, listServerFiles } from "@/scripts/lint/server-code.mjs";

// Issue #15 §4: "Logs are JSON lines with level, request id, route and duration … no personal data
// beyond ids". Code that runs in the server process writes through lib/log.ts (pino), never
// console.*, whose plain text a log collector cannot parse. eslint.config.mjs says so as ESLint's
// `no-console` over the same files (scripts/lint/server-code.mjs); this test holds the rule in
// `npm test` whether or not ESLint is installed. Allowed, as there: client components ("use
// client", they run in the browser) and the line after `// eslint-disable-next-line no-console -- <why>`.
const root = process.cwd();

type TConsoleCall = { file: string; line: number; text: string };

function consoleCalls(file: string, base = root): TConsoleCall[] {
  const source = fs.readFileSync(path.join(base, file), "utf8");
  // Parsed only where the word appears (a few files of several hundred).
  if (!source.includes("console")) return [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split("\n");
  const found: TConsoleCall[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "console") {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      if (!/eslint-disable-next-line\s+no-console\s+--\s+\S/.test(lines[line - 1] ?? "")) found.push({ file, line: line + 1, text: lines[line].trim() });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("server code logs through lib/log.ts, never console.* (eslint.config.mjs no-console)", () => {
  it("covers the server process (lib, app's server files, instrumentation, proxy, Auth.js, serve.mts), not the CLI tools nor client components", () => {
    const files = listServerFiles(root);
    for (const f of ["lib/log.ts", "lib/action.ts", "instrumentation.ts", "proxy.ts", "auth.ts", "auth.config.ts", "scripts/serve.mts", "app/api/salud/route.ts"]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith("lib/generated/"))).toBe(false);
    expect(files).not.toContain("scripts/storage-sweep.mts");
    const clients = listClientModules(root);
    expect(clients).toContain("app/error.tsx");
    expect(files).not.toContain("app/error.tsx");
  });

  it('"Logs are JSON lines with level, request id…": no console call in server code, but the reasoned exceptions', () => {
    expect(listServerFiles(root).flatMap((f) => consoleCalls(f)).map((c) => `${c.file}:${c.line} ${c.text}`)).toEqual([]);
  });

  it("finds a console call, and lets one pass only after a disable comment that gives its reason", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-no-console-"));
    try {
      fs.writeFileSync(path.join(dir, "server.ts"), 'export function f() {\n  console.error("x");\n}\n');
      fs.writeFileSync(path.join(dir, "cli.ts"), "// eslint-disable-next-line no-console -- the CLI's answer\nconsole.error(1);\n// eslint-disable-next-line no-console\nconsole.log(2);\n");
      expect(consoleCalls("server.ts", dir).map((c) => c.line)).toEqual([2]);
      expect(consoleCalls("cli.ts", dir).map((c) => c.line)).toEqual([4]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
