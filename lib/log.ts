// Structured log lines (one JSON object per line) on stdout/stderr, which is what a container
// platform or journald collects. Never pass passwords, passphrases or file contents here.

type TLevel = "debug" | "info" | "warn" | "error";
export type TLogFields = Record<string, unknown>;

function serializeError(e: unknown): unknown {
  if (e instanceof Error) {
    const extra = e as Error & { code?: unknown; digest?: unknown; cause?: unknown };
    return {
      name: e.name,
      message: e.message,
      code: extra.code,
      digest: extra.digest,
      stack: e.stack,
      cause: extra.cause === undefined ? undefined : serializeError(extra.cause),
    };
  }
  return e;
}

function write(level: TLevel, message: string, fields: TLogFields = {}) {
  if (level === "debug" && !process.env.DEBUG) return;
  const entry: TLogFields = { time: new Date().toISOString(), level, message };
  for (const [k, v] of Object.entries(fields)) entry[k] = k === "error" || v instanceof Error ? serializeError(v) : v;
  const line = JSON.stringify(entry);
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields?: TLogFields) => write("debug", message, fields),
  info: (message: string, fields?: TLogFields) => write("info", message, fields),
  warn: (message: string, fields?: TLogFields) => write("warn", message, fields),
  error: (message: string, fields?: TLogFields) => write("error", message, fields),
};
