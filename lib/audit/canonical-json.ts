// The canonical form an audit event is hashed over. No canonical-JSON package is a dependency of
// the project, so this is the small, documented one of docs/decisions/0019: it is RFC 8785 (JCS)
// for the values an audit event holds — JSON values read back from PostgreSQL's jsonb, strings,
// finite numbers, booleans, null and dates:
// - object keys sorted by UTF-16 code units (JavaScript's default sort, as JCS specifies), keys
//   whose value is undefined left out (JSON.stringify and jsonb drop them too);
// - strings and numbers as JSON.stringify writes them (JCS adopts ECMAScript's serialization);
// - dates as ISO 8601 in UTC with milliseconds (`toISOString`), bigints as decimal strings;
// - no whitespace.
// Anything else (functions, symbols, NaN, Infinity) cannot be stored in an audit event and throws.
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
      return JSON.stringify(value);
    case "bigint":
      return JSON.stringify(value.toString());
    case "object": {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}
