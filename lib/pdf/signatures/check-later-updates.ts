import { asName, isWhitespace, readIndirectObject, stringBytes, type TPdfValue } from "./pdf-syntax";
import { resolveObject, type TXrefTable } from "./read-xref-table";
import type { TRevision } from "./read-revisions";

export type TLaterUpdates = {
  // Only signatures, a DSS and document timestamps follow `from`.
  onlyAllowed: boolean;
  // Spanish, one line per change of another kind; empty when onlyAllowed.
  problems: string[];
};

// Keys an update that adds a signature field, a DSS or a document timestamp may change, by the
// kind of dictionary it rewrites (ISO 32000-2 §12.8.2.2.2, allowed changes; §12.8.4.3 DSS).
const CATALOG_KEYS = new Set(["AcroForm", "DSS", "Extensions"]);
const PAGE_KEYS = new Set(["Annots"]);
const ACROFORM_KEYS = new Set(["Fields", "SigFlags", "DR", "DA"]);

// What the updates after byte `from` (where a signature's signed range ends) change. Each later
// revision may add objects, and may rewrite only: the catalog (/AcroForm, /DSS, /Extensions), a
// page's /Annots, the AcroForm (/Fields, /SigFlags, /DR, /DA), annotation and field arrays — only
// by adding signature fields — and the DSS with its arrays and VRI. Anything else (a page's
// content, the document information, an object freed, bytes that are no revision) is a change
// nobody signed. `analysis` caches each revision's problems across the file's signatures.
export function checkLaterUpdates(pdf: Buffer, from: number, revisions: TRevision[] | null, analysis: Map<TRevision, string[]>): TLaterUpdates {
  if (!revisions) {
    return { onlyAllowed: false, problems: ["No se pudo leer la estructura de las actualizaciones posteriores a la firma."] };
  }
  const problems: string[] = [];
  // The signature must end where a revision ends (its own), give or take whitespace.
  const index = revisions.findLastIndex((r) => r.end <= from);
  if (index < 0 || !onlyWhitespace(pdf, revisions[index].end, from)) {
    return { onlyAllowed: false, problems: ["La firma no termina donde termina una revisión del documento."] };
  }
  for (let k = index + 1; k < revisions.length; k++) {
    let found = analysis.get(revisions[k]);
    if (!found) {
      found = analyzeRevision(pdf, revisions[k - 1], revisions[k]);
      analysis.set(revisions[k], found);
    }
    problems.push(...found);
  }
  const last = revisions[revisions.length - 1];
  if (!onlyWhitespace(pdf, Math.max(last.end, from), pdf.length)) problems.push("Hay datos agregados al final del archivo que no son una actualización del documento.");
  return { onlyAllowed: problems.length === 0, problems: [...new Set(problems)] };
}

function onlyWhitespace(pdf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhitespace(pdf[i])) return false;
  return true;
}

function analyzeRevision(pdf: Buffer, previous: TRevision, revision: TRevision): string[] {
  const before = previous.state;
  const after = revision.state;
  const problems: string[] = [];
  try {
    const rootBefore = before.trailer.entries.get("Root");
    const rootAfter = after.trailer.entries.get("Root");
    if (rootBefore?.kind !== "ref" || rootAfter?.kind !== "ref" || rootBefore.num !== rootAfter.num) {
      problems.push("Una actualización posterior cambió la raíz del documento.");
    }
    if (after.trailer.entries.has("Encrypt")) problems.push("Una actualización posterior cifró el documento.");
    const dssObjects = dssObjectNumbers(pdf, before);
    for (const [num, entry] of revision.entries) {
      if (entry === "free") {
        if (before.entries.has(num)) problems.push(`Una actualización posterior eliminó un objeto del documento (objeto ${num}).`);
        continue;
      }
      if (!before.entries.has(num)) continue;
      const old = resolveObject(pdf, before, num);
      const now = readIndirectObject(pdf, entry.offset);
      if (now.num !== num || now.gen !== entry.gen) {
        problems.push(`La tabla de referencias de una actualización posterior apunta mal al objeto ${num}.`);
        continue;
      }
      if (dssObjects.has(num)) continue;
      const oldIsStream = followedByStream(pdf, old.end);
      if (!oldIsStream && !followedByStream(pdf, now.end) && canonical(old.value) === canonical(now.value)) continue;
      const problem = oldIsStream ? "changed" : allowedChange(pdf, old.value, now.value, after);
      if (problem) problems.push(`Después de la firma se modificó ${describe(old.value)} (objeto ${num}).`);
    }
  } catch {
    problems.push("Una actualización posterior a la firma no se pudo leer.");
  }
  return problems;
}

// Null when the rewrite only adds what a signature, DSS or document timestamp adds.
function allowedChange(pdf: Buffer, old: TPdfValue, now: TPdfValue, after: TXrefTable): string | null {
  if (old.kind === "array" && now.kind === "array") return onlyAddsSignatureFields(pdf, old.items, now.items, after);
  if (old.kind !== "dict" || now.kind !== "dict") return "changed";
  const type = asName(old.entries.get("Type"));
  const keys = type === "Catalog" ? CATALOG_KEYS : type === "Page" ? PAGE_KEYS : old.entries.has("Fields") ? ACROFORM_KEYS : null;
  if (!keys) return "changed";
  for (const key of new Set([...old.entries.keys(), ...now.entries.keys()])) {
    const a = old.entries.get(key);
    const b = now.entries.get(key);
    if (a && b && canonical(a) === canonical(b)) continue;
    if (!keys.has(key)) return "changed";
    if (key === "Annots" || key === "Fields") {
      if (b?.kind === "array" && (!a || a.kind === "array")) {
        const problem = onlyAddsSignatureFields(pdf, a?.kind === "array" ? a.items : [], b.items, after);
        if (problem) return problem;
      } else if (!(b?.kind === "ref" && (!a || a.kind === "ref"))) return "changed";
      // A new array object is checked where it is written, as an addition to nothing.
      if (b?.kind === "ref" && (!a || (a.kind === "ref" && a.num !== b.num))) {
        const array = resolveObject(pdf, after, b.num).value;
        if (array.kind !== "array") return "changed";
        const problem = onlyAddsSignatureFields(pdf, [], array.items, after);
        if (problem) return problem;
      }
    }
    if (key === "AcroForm" && a?.kind === "dict" && b?.kind === "dict") {
      const problem = allowedChange(pdf, a, b, after);
      if (problem) return problem;
    }
    if (key === "AcroForm" && a?.kind === "dict" && b?.kind !== "dict") return "changed";
  }
  return null;
}

function onlyAddsSignatureFields(pdf: Buffer, old: TPdfValue[], now: TPdfValue[], after: TXrefTable): string | null {
  const remaining = now.map(canonical);
  for (const item of old) {
    const at = remaining.indexOf(canonical(item));
    if (at < 0) return "removed";
    remaining.splice(at, 1);
  }
  const added = now.filter((item) => {
    const at = remaining.indexOf(canonical(item));
    if (at < 0) return false;
    remaining.splice(at, 1);
    return true;
  });
  for (const item of added) if (!isSignatureField(pdf, item, after)) return "not a signature field";
  return null;
}

function isSignatureField(pdf: Buffer, item: TPdfValue, after: TXrefTable): boolean {
  if (item.kind !== "ref") return false;
  const value = resolveObject(pdf, after, item.num).value;
  if (value.kind !== "dict") return false;
  if (asName(value.entries.get("FT")) === "Sig") return true;
  const parent = value.entries.get("Parent");
  if (asName(value.entries.get("Subtype")) !== "Widget" || parent?.kind !== "ref") return false;
  const field = resolveObject(pdf, after, parent.num).value;
  return field.kind === "dict" && asName(field.entries.get("FT")) === "Sig";
}

// The DSS dictionary, its arrays and its VRI dictionaries: a later DSS update may rewrite them.
function dssObjectNumbers(pdf: Buffer, state: TXrefTable): Set<number> {
  const numbers = new Set<number>();
  try {
    const root = state.trailer.entries.get("Root");
    if (root?.kind !== "ref") return numbers;
    const catalog = resolveObject(pdf, state, root.num).value;
    const dssRef = catalog.kind === "dict" ? catalog.entries.get("DSS") : undefined;
    let dss: TPdfValue | undefined = dssRef;
    if (dssRef?.kind === "ref") {
      numbers.add(dssRef.num);
      dss = resolveObject(pdf, state, dssRef.num).value;
    }
    if (dss?.kind !== "dict") return numbers;
    for (const [key, value] of dss.entries) {
      if (value.kind !== "ref") continue;
      numbers.add(value.num);
      if (key !== "VRI") continue;
      const vri = resolveObject(pdf, state, value.num).value;
      if (vri.kind === "dict") for (const entry of vri.entries.values()) if (entry.kind === "ref") numbers.add(entry.num);
    }
  } catch {
    // Without a readable DSS nothing is exempt.
  }
  return numbers;
}

function followedByStream(pdf: Buffer, end: number): boolean {
  let i = end;
  while (i < pdf.length && isWhitespace(pdf[i])) i++;
  return pdf.toString("latin1", i, i + 6) === "stream";
}

// One spelling per value: strings by their bytes, numbers by their value, dictionaries by
// sorted keys, so a writer that re-serializes an unchanged object is not taken for a change.
function canonical(value: TPdfValue): string {
  switch (value.kind) {
    case "string":
    case "hex":
      return `<${stringBytes(value)?.toString("hex") ?? ""}>`;
    case "number":
      return String(value.value);
    case "name":
      return `/${value.raw}`;
    case "ref":
      return `${value.num} ${value.gen} R`;
    case "array":
      return `[${value.items.map(canonical).join(" ")}]`;
    case "dict":
      return `<<${[...value.entries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `/${k} ${canonical(v)}`).join(" ")}>>`;
    case "bool":
      return String(value.value);
    case "null":
      return "null";
  }
}

function describe(value: TPdfValue): string {
  const type = value.kind === "dict" ? asName(value.entries.get("Type")) : null;
  if (type === "Catalog") return "el catálogo del documento";
  if (type === "Page") return "una página";
  if (type === "Pages") return "el árbol de páginas";
  if (value.kind === "dict" && (value.entries.has("Producer") || value.entries.has("Title") || value.entries.has("Creator"))) return "la información del documento";
  if (value.kind === "dict" && value.entries.has("Fields")) return "el formulario del documento";
  return "un objeto del documento";
}

