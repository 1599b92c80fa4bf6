import pino, { type DestinationStream, type Logger } from "pino";

// Structured log lines (one JSON object per line) through pino, on stdout (debug, info) and stderr
// (warn, error), which is what a container platform or journald collects. Every line has `level`
// (a word), `time` (ISO 8601), `message`, `pid` and `hostname` (which instance), and the fields given;
// lines of a request carry its `requestId` (the one scripts/serve.mts writes in its request line and
// the user is shown on an unexpected error). Never pass passwords, passphrases or file contents, and
// no personal data beyond ids: the keys below are removed wherever they appear (one level deep) in
// case a call passes them anyway.

type TLevel = "debug" | "info" | "warn" | "error";
export type TLogFields = Record<string, unknown>;

// Personal data and secrets by key name: what a person typed about themselves or could be traced
// to them (names, e-mails, CUIs, phones, addresses, client IPs), and credentials.
export const REDACTED_KEYS = [
  "email",
  "name",
  "firstNames",
  "lastNames",
  "studentName",
  "cui",
  "phone",
  "contactPhone",
  "birthDate",
  "address",
  "ip",
  "password",
  "passphrase",
  "token",
  "secret",
  "cookie",
  "authorization",
] as const;
export const REDACTED = "[redactado]";

function serializeError(e: unknown): unknown {
  if (e instanceof Error) {
    const extra = e as Error & { code?: unknown; digest?: unknown; cause?: unknown };
    // `type`, as pino's own error serializer calls it: a key `name` is redacted (personal names).
    return {
      type: e.name,
      message: e.message,
      code: extra.code,
      digest: extra.digest,
      stack: e.stack,
      cause: extra.cause === undefined ? undefined : serializeCause(extra.cause),
    };
  }
  return e;
}

// Auth.js wraps the error it caught as `cause: { err, provider… }`, a plain object: its error is
// serialized too (JSON.stringify writes an Error as `{}`).
function serializeCause(cause: unknown): unknown {
  if (cause === null || typeof cause !== "object" || cause instanceof Error || Array.isArray(cause)) return serializeError(cause);
  return Object.fromEntries(Object.entries(cause).map(([k, v]) => [k, v instanceof Error ? serializeError(v) : v]));
}

function levelFromEnv(env: NodeJS.ProcessEnv = process.env): TLevel {
  const given = env.LOG_LEVEL?.trim().toLowerCase();
  if (given === "debug" || given === "info" || given === "warn" || given === "error") return given;
  return env.DEBUG ? "debug" : "info";
}

// A logger writing to `destination` (tests pass their own); the app uses `log` below.
export function createLogger(destination: DestinationStream, options: { level?: TLevel } = {}): Logger {
  return pino(
    {
      level: options.level ?? levelFromEnv(),
      messageKey: "message",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]), censor: REDACTED },
    },
    destination,
  );
}

function defaultDestination(): DestinationStream {
  // dedupe: each line goes only to the stream of the highest level it reaches (warn, error → stderr).
  return pino.multistream(
    [
      { level: "debug", stream: process.stdout },
      { level: "warn", stream: process.stderr },
    ],
    { dedupe: true },
  );
}

export type TLog = Record<TLevel, (message: string, fields?: TLogFields) => void>;

// `requestId`: the id of the request being served, if any, for lines that do not give one themselves
// (a domain function deep in a signing logs with the case's id only, and still carries the request's).
export function logTo(logger: Logger, options: { requestId?: () => string | undefined } = {}): TLog {
  const write = (level: TLevel) => (message: string, fields: TLogFields = {}) => {
    const entry: TLogFields = {};
    if (fields.requestId === undefined) {
      const requestId = options.requestId?.();
      if (requestId) entry.requestId = requestId;
    }
    for (const [k, v] of Object.entries(fields)) entry[k] = k === "error" || v instanceof Error ? serializeError(v) : v;
    logger[level](entry, message);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

// On globalThis, not in this module: scripts/serve.mts loads this file itself while the app's code
// runs a copy bundled by Next.js, and both must see what the server attached.
const REQUEST_ID_SOURCE = Symbol.for("certifica.log.request-id-source");
const processWide = globalThis as { [REQUEST_ID_SOURCE]?: () => string | undefined };

// scripts/serve.mts gives the request it is serving (kept in an AsyncLocalStorage around each one):
// from then on every line `log` writes while serving it carries its id. Outside the server (scripts,
// tests) lines carry only what they are given.
export function attachRequestIds(source: () => string | undefined): void {
  processWide[REQUEST_ID_SOURCE] = source;
}

export const log: TLog = logTo(createLogger(defaultDestination()), { requestId: () => processWide[REQUEST_ID_SOURCE]?.() });
