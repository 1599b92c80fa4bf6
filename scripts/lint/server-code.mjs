// Which files run in the server process, for the rule "server code logs through lib/log.ts, never
// console.*" (issue #15 §4: JSON lines a collector can parse). Read by eslint.config.mjs (ESLint's
// `no-console` over these files) and by tests/unit/log/no-console-in-server.test.ts (the same rule
// in `npm test`). Plain JavaScript: ESLint loads it without TypeScript.
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
];
export const SERVER_CODE_IGNORES = ["lib/generated/**"];

// A client component's console writes to the browser's console, not to the server's log.
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/;

// The subset of minimatch that SERVER_CODE uses: `**/`, `*` and `{a,b}`.
export function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      // `**/` is any number of folders; a trailing `**` anything below.
      re += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      re += `(?:${glob.slice(i + 1, end).split(",").join("|")})`;
      i = end;
    } else re += c.replace(/[.+?^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

function inServerCode(file) {
  return SERVER_CODE.some((g) => globToRegExp(g).test(file)) && !SERVER_CODE_IGNORES.some((g) => globToRegExp(g).test(file));
}

function candidates(root) {
  const under = (dir) =>
    fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir), { recursive: true }).map((f) => path.posix.join(dir, String(f).split(path.sep).join("/"))) : [];
  return [...under("lib"), ...under("app"), ...under("scripts"), ...fs.readdirSync(root)].filter((f) => /\.(ts|tsx|mts)$/.test(f));
}

function isClientModule(root, file) {
  return USE_CLIENT.test(fs.readFileSync(path.join(root, file), "utf8"));
}

// Files (relative, with "/") that run in the server process, client components left out.
export function listServerFiles(root = process.cwd()) {
  return candidates(root).filter((f) => inServerCode(f) && !isClientModule(root, f));
}

// The client components inside SERVER_CODE's folders (ESLint lets them use console).
export function listClientModules(root = process.cwd()) {
  return candidates(root).filter((f) => inServerCode(f) && isClientModule(root, f));
}
