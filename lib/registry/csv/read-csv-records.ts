// One record of a CSV file: its fields and the physical line it starts on (1 = the header).
export type TCsvRecord = {
  line: number;
  fields: string[];
  // A quote opened and never closed (the rest of the file went into one field), or a record
  // longer than allowed (its text was cut, it must not be imported).
  error?: "UNTERMINATED_QUOTE" | "TOO_LONG";
};

export type TCsvDelimiter = ";" | ",";

export type TReadCsvOptions = {
  // Default: the one of ";" and "," that occurs more often (outside quotes) in the first line.
  delimiter?: TCsvDelimiter;
  // A record longer than this is reported TOO_LONG instead of growing without bound.
  maxRecordChars?: number;
  // Called once the delimiter is known.
  onDelimiter?: (delimiter: TCsvDelimiter) => void;
};

// A streaming RFC 4180 reader: quoted fields with delimiters, doubled quotes and line breaks
// inside; CRLF or LF; UTF-8 with or without BOM; ";" (what a Spanish-locale spreadsheet saves)
// or ",". Memory stays bounded by one record whatever the file size. Bytes that are not UTF-8
// become U+FFFD, so the row that carries them can be refused by whoever reads the fields.
// Blank lines are skipped.
export async function* readCsvRecords(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: TReadCsvOptions = {}): AsyncGenerator<TCsvRecord> {
  const maxRecordChars = options.maxRecordChars ?? 20_000;
  const decoder = new TextDecoder("utf-8");
  let delimiter: TCsvDelimiter | undefined = options.delimiter;
  let pending = "";
  let first = true;

  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = "";
  let recordChars = 0;
  let tooLong = false;
  // 0 start of field, 1 unquoted, 2 quoted, 3 quote seen inside quoted
  let state = 0;
  const out: TCsvRecord[] = [];

  const endField = () => {
    fields.push(field);
    field = "";
    state = 0;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank) out.push(tooLong ? { line: recordLine, fields, error: "TOO_LONG" } : { line: recordLine, fields });
    fields = [];
    recordChars = 0;
    tooLong = false;
  };
  const append = (c: string) => {
    if (++recordChars > maxRecordChars) {
      tooLong = true;
      return;
    }
    field += c;
  };

  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (state === 2) {
        if (c === '"') state = 3;
        else {
          if (c === "\n") line++;
          append(c);
        }
        continue;
      }
      if (state === 3) {
        if (c === '"') {
          append('"');
          state = 2;
          continue;
        }
        // After the closing quote: the field ends here, or (malformed) text follows and is kept.
        state = 1;
      }
      if (c === delimiter) endField();
      else if (c === "\n") {
        endRecord();
        line++;
        recordLine = line;
      } else if (c === "\r") {
        // CR of CRLF; a lone CR is dropped too.
      } else if (c === '"' && state === 0) {
        state = 2;
      } else {
        append(c);
        state = 1;
      }
    }
  };

  const detect = (text: string): TCsvDelimiter => {
    let semicolons = 0;
    let commas = 0;
    let quoted = false;
    for (const c of text) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === "\n") break;
      else if (!quoted && c === ";") semicolons++;
      else if (!quoted && c === ",") commas++;
    }
    return semicolons >= commas && semicolons > 0 ? ";" : commas > 0 ? "," : ";";
  };

  const take = (text: string) => {
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length === 0) return;
      first = false;
    }
    if (!delimiter) {
      pending += text;
      if (!pending.includes("\n") && pending.length < 64_000) return;
      delimiter = detect(pending);
      options.onDelimiter?.(delimiter);
      text = pending;
      pending = "";
    }
    feed(text);
  };

  for await (const chunk of input) {
    take(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    while (out.length > 0) yield out.shift()!;
  }
  take(decoder.decode());
  if (!delimiter && pending) {
    delimiter = detect(pending);
    options.onDelimiter?.(delimiter);
    feed(pending);
  }
  if (state === 2) {
    fields.push(field);
    out.push({ line: recordLine, fields, error: "UNTERMINATED_QUOTE" });
  } else if (field !== "" || fields.length > 0 || state === 3) {
    endRecord();
  }
  while (out.length > 0) yield out.shift()!;
}

// One CSV line (no line break at the end): fields quoted when they need it. A leading = + - @
// gets a quote mark so a spreadsheet does not run it as a formula (CSV injection).
export function formatCsvLine(fields: readonly (string | number | null | undefined)[], delimiter: TCsvDelimiter = ";"): string {
  return fields
    .map((value) => {
      let text = value === null || value === undefined ? "" : String(value);
      if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /["\n\r;,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(delimiter);
}
