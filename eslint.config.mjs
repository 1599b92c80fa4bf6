// ESLint (flat config): `npm run lint`. Its rules over the server's code also run in `npm test`
// (tests/unit/log/no-console-in-server.test.ts, through ESLint's API).
import comments from "@eslint-community/eslint-plugin-eslint-comments";
import tsParser from "@typescript-eslint/parser";
import { listClientModules, SERVER_CODE, SERVER_CODE_IGNORES } from "./scripts/lint/server-code.mjs";

const clientModules = listClientModules();

export default [
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", ".data/**"] },
  {
    // Issue #15 §4: what the server process writes is JSON lines through lib/log.ts (pino), with a
    // level and the request id, and no personal data. A line that must stay plain text (a CLI
    // entry point's answer) says why: `// eslint-disable-next-line no-console -- <why>`.
    files: SERVER_CODE,
    ignores: SERVER_CODE_IGNORES,
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "@eslint-community/eslint-comments": comments },
    rules: {
      "no-console": "error",
      // An exception without its reason is not an exception anyone can review.
      "@eslint-community/eslint-comments/require-description": "error",
    },
  },
  // Client components ("use client") run in the browser: their console is not the server's log.
  ...(clientModules.length ? [{ files: clientModules, rules: { "no-console": "off" } }] : []),
];
