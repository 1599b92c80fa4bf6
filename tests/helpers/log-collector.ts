import { Writable } from "node:stream";

// A destination for lib/log.ts's createLogger whose JSON lines are parsed into objects, for tests
// that check what is logged.
export function collectJsonLines(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}
