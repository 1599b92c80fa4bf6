import { format } from "node:util";
import type { TLog } from "./log";

// What libraries inside the server process print with console.* — Next.js's own start lines and
// the errors it prints itself (a request for a server action that does not exist), React's
// warnings — becomes a JSON line of lib/log.ts like every other, instead of plain text that a log
// collector cannot parse. Our code never calls console.* (tests/unit/log/no-console-in-server.test.ts).
// The id of the request being served comes with `log` itself (lib/log.ts, attachRequestIds), as for
// every other line. Returns the function that puts console back.

/* eslint-disable no-console -- this module replaces console's methods: it reads and assigns them, it never prints */
const METHODS = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error", trace: "debug" } as const;
const ANSI = /\u001b\[[0-9;]*m/g;

export function routeConsoleToLog(log: TLog): () => void {
  const saved = Object.fromEntries(Object.keys(METHODS).map((m) => [m, console[m as keyof typeof METHODS]]));
  for (const [method, level] of Object.entries(METHODS)) {
    console[method as keyof typeof METHODS] = (...args: unknown[]) => {
      const fields: Record<string, unknown> = { source: "console" };
      // An error printed alone or after a text ("Error in X:", error): serialized as ours are.
      const errorAt = args.findIndex((a) => a instanceof Error);
      if (errorAt >= 0) fields.error = args[errorAt];
      const rest = errorAt >= 0 ? args.filter((_, i) => i !== errorAt) : args;
      const text = format(...rest).replace(ANSI, "").trim();
      log[level](text || (errorAt >= 0 ? (args[errorAt] as Error).message : ""), fields);
    };
  }
  return () => Object.assign(console, saved);
}
