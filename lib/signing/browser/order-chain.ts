import * as pkijs from "pkijs";
import { copyToArrayBuffer } from "./copy-to-array-buffer";

// Nearest issuer first: each next certificate is the one whose subject is the previous one's
// issuer (names compared as DER). Anything left over keeps its order, at the end. Signatures are
// not checked here: the server validates the chain against its registry and trust list.
export function orderChain(holder: Uint8Array, others: Uint8Array[]): Uint8Array[] {
  const parse = (der: Uint8Array) => pkijs.Certificate.fromBER(copyToArrayBuffer(der));
  const name = (n: pkijs.RelativeDistinguishedNames) => hex(new Uint8Array(n.toSchema().toBER(false)));
  const remaining = others.map((der) => ({ der, cert: parse(der) }));
  const ordered: Uint8Array[] = [];
  let current = parse(holder);
  while (name(current.issuer) !== name(current.subject)) {
    const index = remaining.findIndex((c) => name(c.cert.subject) === name(current.issuer));
    if (index < 0) break;
    const [next] = remaining.splice(index, 1);
    ordered.push(next.der);
    current = next.cert;
  }
  return [...ordered, ...remaining.map((c) => c.der)];
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
