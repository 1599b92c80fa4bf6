// React-PDF shapes every run of text with fontkit's `font.layout` (OpenType GSUB/GPOS lookups),
// and does so many times per sheet: yoga measures each text node at several widths, pagination
// lays pages out again, line breaking re-shapes slices. Shaping was ≈ 40 % of a sheet's render
// time, for results that depend only on the arguments. Labels, headings and the statement
// recur from case to case too.
//
// Text in the Latin script is shaped word by word: each word and each run of spaces is shaped
// (and memoized) alone, and the runs are joined. A case's new sentence (the statement with the
// holder's name, the school, the code) then costs lookups of words already seen instead of a
// fresh shaping of the whole string. The result is the same: no ligature, contextual form or
// kerning pair of these fonts crosses a space (checked glyph by glyph and position by position
// against whole-string shaping, tests/unit/pdf/memoize-font-layout.test.ts). Each piece is shaped
// with the script fontkit would have detected for the whole string, as that picks the lookups.
//
// The memo hands out copies (fresh glyph array and position objects), so whatever textkit does
// to a run cannot change what a later call receives; glyph objects are shared, as fontkit itself
// shares them (it caches glyphs by id).

type TLayoutFont = {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): TGlyphRun;
};
type TGlyphRun = { glyphs: unknown[]; positions: object[] | null };

// Distinct strings kept per font; a busy server renders many names, so the memo is bounded.
const MAX_ENTRIES = 4000;
const memoized = new WeakSet<object>();

// Letters, digits, punctuation and symbols of Latin-1, Latin Extended-A/B and general
// punctuation (dashes, quotes, ellipsis): the only text shaped word by word.
const WORD_BY_WORD = /^[\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u2030-\u205e]*$/;
// The Latin-script letters among them (fontkit's script detection: the first character of a
// script other than Common decides; none means "zzzz").
const LATIN_LETTER = /[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/;
const SPACES = /( +)/;

export function memoizeFontLayout(font: TLayoutFont): void {
  if (memoized.has(font)) return;
  memoized.add(font);
  const layout = font.layout.bind(font);
  const cache = new Map<string, TGlyphRun>();
  const shape = (text: string, features: unknown, script: string | undefined, language?: string, direction?: string) => {
    const key = `${text}\u0000${featureKey(features)}\u0000${script ?? ""}\u0000${language ?? ""}\u0000${direction ?? ""}`;
    let run = cache.get(key);
    if (!run) {
      run = layout(text, features, script, language, direction);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(key, run);
    }
    return run;
  };
  font.layout = (text, features, script, language, direction) => {
    if (script !== undefined || !text.includes(" ") || !WORD_BY_WORD.test(text)) {
      return copyRun(shape(text, features, script, language, direction));
    }
    const wholeScript = LATIN_LETTER.test(text) ? "latn" : "zzzz";
    const runs = text
      .split(SPACES)
      .filter((piece) => piece !== "")
      .map((piece) => shape(piece, features, wholeScript, language, direction));
    return joinRuns(runs);
  };
}

function featureKey(features: unknown): string {
  if (features === undefined || features === null) return "";
  if (Array.isArray(features)) return features.join(",");
  return JSON.stringify(features);
}

function copyPosition(p: object): object {
  return Object.assign(Object.create(Object.getPrototypeOf(p)) as object, p);
}

function copyRun(run: TGlyphRun): TGlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run)) as TGlyphRun, run);
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions?.map(copyPosition) ?? null;
  return copy;
}

// One run for the whole string, as fontkit returns it (its other fields, such as script and
// direction, are the same for every piece).
function joinRuns(runs: TGlyphRun[]): TGlyphRun {
  const joined = copyRun(runs[0]);
  for (let i = 1; i < runs.length; i++) {
    for (const glyph of runs[i].glyphs) joined.glyphs.push(glyph);
    for (const position of runs[i].positions ?? []) joined.positions!.push(copyPosition(position));
  }
  return joined;
}
