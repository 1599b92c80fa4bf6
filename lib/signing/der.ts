// A minimal DER reader and writer over Buffers. Signatures are checked against exact bytes
// (signed attributes, issuer names, certificates), so everything read keeps its original
// encoding: a node is a view into the input, never a re-encoding of it.

export type TDerNode = {
  // The identifier octet (class, constructed bit, tag number); multi-byte tags are not used by
  // anything we read.
  tag: number;
  // Whole encoding: identifier + length + contents.
  bytes: Buffer;
  // Contents only.
  value: Buffer;
};

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DerError";
  }
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

// Reads the node that starts at `offset`. Constructed nodes with a BER indefinite length are
// accepted because some signing tools stream their CMS that way; their `value` then ends before
// the end-of-contents octets.
export function readDer(buffer: Buffer, offset = 0): TDerNode {
  if (offset + 2 > buffer.length) throw new DerError("DER truncado");
  const tag = buffer[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError("Etiqueta DER de varios octetos no soportada");
  let length = buffer[offset + 1];
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) return readIndefinite(buffer, offset, tag);
    if (count > 4 || offset + 2 + count > buffer.length) throw new DerError("Longitud DER inválida");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buffer[offset + 2 + i];
    header += count;
  }
  const end = offset + header + length;
  if (end > buffer.length) throw new DerError("DER truncado");
  return { tag, bytes: buffer.subarray(offset, end), value: buffer.subarray(offset + header, end) };
}

function readIndefinite(buffer: Buffer, offset: number, tag: number): TDerNode {
  if (!(tag & 0x20)) throw new DerError("Longitud indefinida en un valor primitivo");
  let cursor = offset + 2;
  for (;;) {
    if (cursor + 2 > buffer.length) throw new DerError("DER truncado");
    if (buffer[cursor] === 0 && buffer[cursor + 1] === 0) break;
    cursor += readDer(buffer, cursor).bytes.length;
  }
  return { tag, bytes: buffer.subarray(offset, cursor + 2), value: buffer.subarray(offset + 2, cursor) };
}

export function derChildren(node: TDerNode): TDerNode[] {
  const children: TDerNode[] = [];
  let offset = 0;
  while (offset < node.value.length) {
    const child = readDer(node.value, offset);
    children.push(child);
    offset += child.bytes.length;
  }
  return children;
}

export function expectTag(node: TDerNode | undefined, tag: number, what: string): TDerNode {
  if (!node || node.tag !== tag) throw new DerError(`Se esperaba ${what}`);
  return node;
}

export function decodeOid(value: Buffer): string {
  const parts: number[] = [];
  let n = 0;
  for (const byte of value) {
    n = n * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0) parts.push(n < 80 ? Math.floor(n / 40) : 2, n < 80 ? n % 40 : n - 80);
      else parts.push(n);
      n = 0;
    }
  }
  return parts.join(".");
}

// --- writer -----------------------------------------------------------------------------

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function derNode(tag: number, contents: Buffer | Buffer[]): Buffer {
  const body = Array.isArray(contents) ? Buffer.concat(contents) : contents;
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

export const derSequence = (items: Buffer[]): Buffer => derNode(TAG.SEQUENCE, items);

// DER requires the elements of a SET OF in ascending order of their encodings (X.690 11.6).
export function derSetOf(items: Buffer[]): Buffer {
  return derNode(TAG.SET, [...items].sort(Buffer.compare));
}

export const derOctetString = (value: Buffer): Buffer => derNode(TAG.OCTET_STRING, value);
export const derNull = (): Buffer => Buffer.from([TAG.NULL, 0x00]);

export function derInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new DerError("Entero fuera de rango");
  const bytes: number[] = [];
  let n = value;
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return derNode(TAG.INTEGER, Buffer.from(bytes));
}

export function derOid(oid: string): Buffer {
  const parts = oid.split(".").map(Number);
  if (parts.length < 2 || parts.some((p) => !Number.isSafeInteger(p) || p < 0)) throw new DerError(`OID inválido: ${oid}`);
  const bytes: number[] = [];
  const push = (n: number) => {
    const chunk = [n & 0x7f];
    for (let rest = Math.floor(n / 128); rest > 0; rest = Math.floor(rest / 128)) chunk.unshift(0x80 | (rest & 0x7f));
    bytes.push(...chunk);
  };
  push(parts[0] * 40 + parts[1]);
  for (const p of parts.slice(2)) push(p);
  return derNode(TAG.OID, Buffer.from(bytes));
}

// [n] IMPLICIT over a constructed value: same contents, context-specific constructed tag.
export function derContextConstructed(tagNumber: number, contents: Buffer | Buffer[]): Buffer {
  return derNode(0xa0 | tagNumber, contents);
}

// UTCTime or GeneralizedTime in the Z form RFC 5280 requires; null for anything else.
export function readDerTime(node: TDerNode): Date | null {
  const text = node.value.toString("latin1");
  const m =
    node.tag === TAG.UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : node.tag === TAG.GENERALIZED_TIME
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text)
        : null;
  if (!m) return null;
  let year = Number(m[1]);
  // RFC 5280 §4.1.2.5.1: two-digit years 50–99 are 19xx.
  if (node.tag === TAG.UTC_TIME) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
}
