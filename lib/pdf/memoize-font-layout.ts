// React-PDF shapes every run of text with fontkit's `font.layout` (OpenType GSUB/GPOS lookups),
// and does so many times per sheet: yoga measures each text node at several widths, pagination
// lays pages out again, line breaking re-shapes slices. Shaping was ≈ 40 % of a sheet's render
// time, for results that depend only on the arguments. Labels, headings and the statement
// recur from case to case too.
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

export function memoizeFontLayout(font: TLayoutFont): void {
  if (memoized.has(font)) return;
  memoized.add(font);
  const layout = font.layout.bind(font);
  const cache = new Map<string, TGlyphRun>();
  font.layout = (text, features, script, language, direction) => {
    const key = `${text}\u0000${featureKey(features)}\u0000${script ?? ""}\u0000${language ?? ""}\u0000${direction ?? ""}`;
    let run = cache.get(key);
    if (!run) {
      run = layout(text, features, script, language, direction);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(key, run);
    }
    return copyRun(run);
  };
}

function featureKey(features: unknown): string {
  if (features === undefined || features === null) return "";
  if (Array.isArray(features)) return features.join(",");
  return JSON.stringify(features);
}

function copyRun(run: TGlyphRun): TGlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run)) as TGlyphRun, run);
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions?.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p)) as object, p)) ?? null;
  return copy;
}
