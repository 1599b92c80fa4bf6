import { isWhitespace, readIndirectObject, type TPdfDict, type TPdfValue } from "./pdf-syntax";

export type TSignatureDictionary = {
  objectNumber: number;
  objectOffset: number;
  dict: TPdfDict;
};

const BYTE_RANGE = Buffer.from("/ByteRange");
const OBJ = Buffer.from("obj");
// A signature dictionary holds its /Contents (tens of KB of hex at most) between the object
// header and /ByteRange in the worst case.
const MAX_LOOKBACK = 4 * 1024 * 1024;

// Finds every signature dictionary by its /ByteRange key instead of walking the document
// structure. A signature dictionary is never inside a compressed object stream (its /Contents
// must be excluded from the signed bytes as written), so this finds them in any PDF, with
// cross-reference streams or not, broken cross-references included, in one pass over the bytes.
export function findSignatureDictionaries(pdf: Buffer): TSignatureDictionary[] {
  const found: TSignatureDictionary[] = [];
  let position = pdf.indexOf(BYTE_RANGE);
  while (position >= 0) {
    const object = enclosingObject(pdf, position);
    let resume = position + BYTE_RANGE.length;
    if (object) {
      const dict = findDictWithByteRange(object.value);
      if (dict) found.push({ objectNumber: object.num, objectOffset: object.start, dict });
      resume = Math.max(resume, object.end);
    }
    position = pdf.indexOf(BYTE_RANGE, resume);
  }
  return found;
}

function enclosingObject(pdf: Buffer, position: number) {
  let cursor = position;
  while (cursor > 0 && position - cursor < MAX_LOOKBACK) {
    const at = pdf.lastIndexOf(OBJ, cursor);
    if (at < 0) return null;
    cursor = at - 1;
    const after = pdf[at + 3];
    if (after !== undefined && !isWhitespace(after) && after !== 0x3c /* < */ && after !== 0x5b /* [ */) continue;
    const start = objectHeaderStart(pdf, at);
    if (start === null) continue;
    try {
      const object = readIndirectObject(pdf, start);
      if (object.end > position) return object;
      // The nearest object header before /ByteRange ends before it: /ByteRange is not in an object.
      return null;
    } catch {
      continue;
    }
  }
  return null;
}

// "12 0 obj": walks back over the generation and object numbers; null if they are not there.
function objectHeaderStart(pdf: Buffer, objAt: number): number | null {
  let i = objAt - 1;
  const skipSpace = () => {
    const from = i;
    while (i >= 0 && isWhitespace(pdf[i])) i--;
    return i < from;
  };
  const skipDigits = () => {
    const from = i;
    while (i >= 0 && pdf[i] >= 0x30 && pdf[i] <= 0x39) i--;
    return i < from;
  };
  if (!skipSpace() || !skipDigits() || !skipSpace() || !skipDigits()) return null;
  if (i >= 0 && !isWhitespace(pdf[i]) && pdf[i] !== 0x3e /* > */ && pdf[i] !== 0x25 /* % */) return null;
  return i + 1;
}

function findDictWithByteRange(value: TPdfValue, depth = 0): TPdfDict | null {
  if (depth > 4) return null;
  if (value.kind === "dict") {
    if (value.entries.has("ByteRange") && value.entries.has("Contents")) return value;
    for (const v of value.entries.values()) {
      const inner = findDictWithByteRange(v, depth + 1);
      if (inner) return inner;
    }
  }
  if (value.kind === "array") {
    for (const v of value.items) {
      const inner = findDictWithByteRange(v, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}
