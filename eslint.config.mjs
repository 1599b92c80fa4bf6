// ESLint (flat config). Needs `eslint` and `@typescript-eslint/parser` (devDependencies); until
// they are installed, tests/unit/log/no-console-in-server.test.ts holds the same rule in npm test.
import tsParser from "@typescript-eslint/parser";
import { listClientModules, SERVER_CODE, SERVER_CODE_IGNORES } from "./scripts/lint/server-code.mjs";

const clientModules = listClientModules();

export default [
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**"] },
  {
    // Issue #15 §4: what the server process writes is JSON lines through lib/log.ts (pino), with a
    // level and the request id, and no personal data. A line that must stay plain text (a CLI
    // entry point's answer) says why: `// eslint-disable-next-line no-console -- <why>`.
    files: SERVER_CODE,
    ignores: SERVER_CODE_IGNORES,
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: { "no-console": "error" },
  },
  // Client components ("use client") run in the browser: their console is not the server's log.
  ...(clientModules.length ? [{ files: clientModules, rules: { "no-console": "off" } }] : []),
];
