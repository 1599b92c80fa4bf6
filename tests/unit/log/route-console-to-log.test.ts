import { afterEach, describe, expect, it } from "vitest";
import { createLogger, logTo } from "@/lib/log";
import { routeConsoleToLog } from "@/lib/route-console-to-log";
import { collectJsonLines } from "@/tests/helpers/log-collector";

// What a library prints with console.* inside the server process (scripts/serve.mts installs this
// before Next.js loads) must come out as the same JSON lines as ours.
// `serving`: the request being served, as scripts/serve.mts attaches it to the app's log.
function collector(serving: () => string | undefined = () => undefined) {
  const { lines, stream } = collectJsonLines();
  return { lines, log: logTo(createLogger(stream, { level: "debug" }), { requestId: serving }) };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("console.* of the libraries in the server process (issue #15: logs are JSON lines with level and request id)", () => {
  it("one JSON line per call, with the level of the method, the text formatted, colours removed, and the request being served", () => {
    let requestId: string | undefined;
    const { lines, log } = collector(() => requestId);
    restore = routeConsoleToLog(log);
    console.log("\u001b[32m✓\u001b[39m Running %s took %dms", "next.config.ts", 295);
    requestId = "0123456789abcdef";
    console.warn("⚠ slow");
    restore();
    expect(lines).toEqual([
      expect.objectContaining({ level: "info", message: "✓ Running next.config.ts took 295ms", source: "console" }),
      expect.objectContaining({ level: "warn", message: "⚠ slow", source: "console", requestId: "0123456789abcdef" }),
    ]);
    expect(lines[0]).not.toHaveProperty("requestId");
  });

  it("an error Next.js prints itself: level error, serialized as ours (type, message, stack), in one line", () => {
    const { lines, log } = collector();
    restore = routeConsoleToLog(log);
    const error = new Error('The Server Reference ID did not match the expected format. Received "0000".');
    console.error(error);
    console.error("Error in step:", new TypeError("x"));
    restore();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "error", message: error.message, error: { type: "Error", message: error.message, stack: expect.stringContaining("Error: The Server") } });
    expect(lines[1]).toMatchObject({ level: "error", message: "Error in step:", error: { type: "TypeError", message: "x" } });
  });

  it("puts console back", () => {
    const original = console.error;
    routeConsoleToLog(collector().log)();
    expect(console.error).toBe(original);
  });
});
