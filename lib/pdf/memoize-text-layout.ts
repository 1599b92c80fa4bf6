// React-PDF lays out every text node of every sheet from scratch: bidi levels, script runs, font
// substitution, shaping, line breaking, justification. That was ≈ 7–8 ms of a ≈ 19 ms sheet, and
// most of it for text that is the same in every certification (the heading, labels, the signers'
// posts, the footer's wording, the column headers, recurring schools and years). A node's lines
// depend only on what `@react-pdf/layout` hands its text engine: the attributed string (text and
// attributes of each run), the container (width, height, line limit) and the layout options. So
// they are memoized on exactly those inputs.
//
// `@react-pdf/layout` keeps that function private; our patch (patches/@react-pdf+layout+5.2.0.patch,
// applied by patch-package at install) lets a memo sit in front of it through a global symbol.
// Without the patch the memo is never called and the sheet is only slower (a test fails loudly).
//
// The lines handed out are shared between nodes and renders. Nothing after the text engine writes
// to them (React-PDF slices the array when it splits a paragraph, it never edits a line): a test
// renders every kind of sheet with the memo freezing what it stores and compares the bytes with a
// render that has no memo.

type TRun = { start: number; end: number; attributes: Record<string, unknown> };
export type TAttributedString = { string: string; runs: TRun[] };
export type TLayoutContainer = {
  width: number;
  height: number;
  maxLines?: number;
  truncateMode?: string;
  exclusions?: unknown[];
  [other: string]: unknown;
};
export type TTextLayoutOptions = Record<string, unknown>;
export type TLayoutAttributedString = (text: TAttributedString, container: TLayoutContainer, options: TTextLayoutOptions) => unknown[];
export type TTextLayoutMemo = ((
  text: TAttributedString,
  container: TLayoutContainer,
  options: TTextLayoutOptions,
  layout: TLayoutAttributedString,
) => unknown[]) & { stats: { hits: number; misses: number; bypassed: number }; size(): number; characters(): number };

// The name the patched `@react-pdf/layout` looks the memo up by.
export const TEXT_LAYOUT_MEMO = Symbol.for("@react-pdf/layout.textLayoutMemo");

// A D.1.1 sheet asks for ≈ 60 text layouts, most the same from one case to the next; ≈ 10 are new
// with each case (names, numbers, the statement, schools: ≈ 1 300 characters). Laid-out text is
// heavy, ≈ 300 bytes of heap per character (a position object per glyph, index arrays, runs per
// line), so the memo is bounded by characters too: 40 000 characters is ≈ 12 MB, the fixed wording
// of every kind of sheet (a few thousand characters) and the last few dozen cases.
const DEFAULT_CAPACITY = 1500;
const DEFAULT_MAX_CHARACTERS = 40_000;
// Attribute values nest shallowly (a font stack, a color); deeper means something unexpected.
const MAX_DEPTH = 6;

// Values that are not plain data (fonts, functions) are keyed by identity: React-PDF passes the same
// font objects for a face to every render of the process.
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

// An exact, injective encoding of plain data, tagged by type (strings are quoted, so 1, "1", NaN
// and Infinity stay distinct), or null when a value cannot be keyed. Written for speed: a sheet
// asks for ≈ 115 keys per render.
const keyNames = new Map<string, string>();
function encode(value: unknown, depth: number): string | null {
  if (value === undefined) return "u";
  if (value === null) return "n";
  const type = typeof value;
  if (type === "string") return JSON.stringify(value);
  if (type === "number") return value === 0 && 1 / (value as number) < 0 ? "-0" : `${value as number}`;
  if (type === "boolean") return value ? "T" : "F";
  if (type === "function") return `#${identity(value as object)}`;
  if (type !== "object" || depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const part = encode(value[i], depth + 1);
      if (part === null) return null;
      out += `${part},`;
    }
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return `#${identity(value as object)}`;
  let out = "{";
  const keys = Object.keys(value as object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let name = keyNames.get(key);
    if (name === undefined) {
      name = `${JSON.stringify(key)}:`;
      if (keyNames.size < 1000) keyNames.set(key, name);
    }
    const part = encode((value as Record<string, unknown>)[key], depth + 1);
    if (part === null) return null;
    out += `${name}${part},`;
  }
  return `${out}}`;
}

function layoutKey(text: TAttributedString, container: TLayoutContainer, options: TTextLayoutOptions): string | null {
  // Text flowing around shapes is laid out against the node's position on the page.
  if (container.exclusions && container.exclusions.length > 0) return null;
  let key = `${JSON.stringify(text.string)}|`;
  for (const run of text.runs) {
    // An inline image or emoji: its data is loaded per render.
    if (run.attributes.attachment) return null;
    const attributes = encode(run.attributes, 0);
    if (attributes === null) return null;
    key += `${run.start}:${run.end}:${attributes};`;
  }
  const rest = encode([container, options], 0);
  return rest === null ? null : `${key}|${rest}`;
}

// Freezes the plain objects and arrays of a result, and instances that hold only primitives (glyph
// positions), not fonts or glyphs, which cache lazily inside: the tests' proof that nothing
// writes to shared lines.
function freezeData(value: unknown): void {
  if (!value || typeof value !== "object" || Object.isFrozen(value)) return;
  const proto = Object.getPrototypeOf(value) as unknown;
  const values = Object.values(value);
  const plain = Array.isArray(value) || proto === Object.prototype || proto === null;
  if (!plain && values.some((item) => item !== null && (typeof item === "object" || typeof item === "function"))) return;
  Object.freeze(value);
  for (const item of values) freezeData(item);
}

export function createTextLayoutMemo({ capacity = DEFAULT_CAPACITY, maxCharacters = DEFAULT_MAX_CHARACTERS, freeze = false } = {}): TTextLayoutMemo {
  // Two generations approximate "least recently used" at the price of one lookup: an entry used
  // since the last turn is in `young`; at each turn the old generation, whatever in it went unused,
  // is dropped. At most `capacity` entries and `maxCharacters` characters in all.
  const half = Math.max(1, Math.floor(capacity / 2));
  const halfCharacters = Math.max(1, Math.floor(maxCharacters / 2));
  let young = new Map<string, TEntry>();
  let old = new Map<string, TEntry>();
  let youngCharacters = 0;
  const keep = (key: string, entry: TEntry) => {
    if (young.size >= half || youngCharacters + entry.characters > halfCharacters) {
      old = young;
      young = new Map();
      youngCharacters = 0;
    }
    young.set(key, entry);
    youngCharacters += entry.characters;
  };
  const stats = { hits: 0, misses: 0, bypassed: 0 };
  const memo = ((text, container, options, layout) => {
    const key = layoutKey(text, container, options);
    if (key === null) {
      stats.bypassed++;
      return layout(text, container, options);
    }
    let entry = young.get(key);
    if (entry === undefined) {
      entry = old.get(key);
      if (entry !== undefined) keep(key, entry);
    }
    if (entry !== undefined) {
      stats.hits++;
      return entry.lines;
    }
    stats.misses++;
    const lines = layout(text, container, options);
    if (freeze) freezeData(lines);
    // A text longer than a generation's share is laid out every time rather than crowding out the rest.
    if (text.string.length <= halfCharacters) keep(key, { lines, characters: text.string.length });
    return lines;
  }) as TTextLayoutMemo;
  memo.stats = stats;
  const held = () => [...young.values(), ...[...old].filter(([key]) => !young.has(key)).map(([, entry]) => entry)];
  memo.size = () => held().length;
  memo.characters = () => held().reduce((sum, entry) => sum + entry.characters, 0);
  return memo;
}

type TEntry = { lines: unknown[]; characters: number };

export type TGlobalWithMemo = typeof globalThis & { [TEXT_LAYOUT_MEMO]?: TTextLayoutMemo };

// Puts a memo in front of React-PDF's text layout for the whole process (once; later calls keep the
// first) and returns the memo in place.
export function installTextLayoutMemo(memo?: TTextLayoutMemo): TTextLayoutMemo {
  const g = globalThis as TGlobalWithMemo;
  g[TEXT_LAYOUT_MEMO] ??= memo ?? createTextLayoutMemo();
  return g[TEXT_LAYOUT_MEMO];
}
