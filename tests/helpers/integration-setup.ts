// Integration project setup file: runs before each test file. The integration files share one
// process per worker (vitest `isolate: false`), so each file must leave it as it found it: the
// environment variables and the app's process-wide clients some files point at their own test
// database (globalThis.certificaDb, read by lib/db; certificaStorage, read by getStorage) are put
// back after every file, whatever the file did or forgot to undo.
import { afterAll } from "vitest";

// As Next.js's server does before loading anything else (and as the unit project does): the
// request-scoped stores then pick the same AsyncLocalStorage whichever file loads them first.
import "next/dist/server/node-environment-baseline";

const envBefore = { ...process.env };
const g = globalThis as Record<string, unknown>;
const APP_GLOBALS = ["certificaDb", "certificaStorage"] as const;
const globalsBefore = Object.fromEntries(APP_GLOBALS.map((k) => [k, g[k]]));

afterAll(() => {
  for (const k of Object.keys(process.env)) if (!(k in envBefore)) delete process.env[k];
  for (const [k, v] of Object.entries(envBefore)) if (process.env[k] !== v) process.env[k] = v;
  for (const k of APP_GLOBALS) {
    if (globalsBefore[k] === undefined) delete g[k];
    else g[k] = globalsBefore[k];
  }
});
