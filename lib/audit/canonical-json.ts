import canonicalize from "canonicalize";

// The canonical form an audit event is hashed over: RFC 8785 (JSON Canonicalization Scheme) by the
// `canonicalize` package (the scheme's reference implementation): object keys sorted by UTF-16 code
// units, keys whose value is undefined left out, strings and numbers as ECMAScript serializes them,
// no whitespace; dates through their toJSON (ISO 8601, UTC, milliseconds). JSON has no bigint, so
// bigints (the event's id) are written as decimal strings first; a function or symbol, which JSON
// would silently drop, throws here, as NaN and Infinity throw in JCS: none can be stored in an event.
export function canonicalJson(value: unknown): string {
  const text = canonicalize(toJsonValues(value));
  if (text === undefined) throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  return text;
}

function toJsonValues(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "function" || typeof value === "symbol") throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  if (Array.isArray(value)) return value.map(toJsonValues);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValues(v)]));
  }
  return value;
}
