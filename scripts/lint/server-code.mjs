// Which files run in the server process, for the rule "server code logs through lib/log.ts, never
// console.*" (issue #15 §4: JSON lines a collector can parse). Read by eslint.config.mjs, whose
// `no-console` over these files runs in `npm test` (tests/unit/log/no-console-in-server.test.ts
// lints them through ESLint's API). Plain JavaScript: ESLint loads it without TypeScript.
import fs from "node:fs";
import path from "node:path";

// The server process: the app's server code, instrumentation, the proxy, Auth.js and the HTTP
// server. Not the command-line tools of scripts/ (their output is for the person who ran them).
export const SERVER_CODE = [
  "lib/**/*.{ts,tsx,mts}",
  "app/**/*.{ts,tsx}",
  "instrumentation.ts",
  "proxy.ts",
  "auth.ts",
  "auth.config.ts",
  "scripts/serve.mts",
  "scripts/serve-instance.mts",
];
export const SERVER_CODE_IGNORES = ["lib/generated/**"];

// A client component's console writes to the browser's console, not to the server's log.
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/;

// The client components ("use client") under lib/ and app/ (relative, with "/"): ESLint lets them
// use console. Which of them SERVER_CODE covers is ESLint's matching, not ours.
export function listClientModules(root = process.cwd()) {
  return ["lib", "app"]
    .filter((dir) => fs.existsSync(path.join(root, dir)))
    .flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true }).map((f) => path.posix.join(dir, String(f).split(path.sep).join("/"))))
    .filter((f) => /\.(ts|tsx|mts)$/.test(f) && !f.startsWith("lib/generated/"))
    .filter((f) => USE_CLIENT.test(fs.readFileSync(path.join(root, f), "utf8")));
}
