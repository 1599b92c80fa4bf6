type TRow = { term: string; value: string };

const MAX_ROWS = 200;

function collect(value: unknown, path: string[], out: TRow[]): void {
  if (out.length >= MAX_ROWS || value === null || value === undefined || value === "") return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, [...path, String(i + 1)], out));
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collect(v, [...path, k], out);
  } else {
    const text = typeof value === "boolean" ? (value ? "Sí" : "No") : String(value);
    out.push({ term: path.join(" › ") || "Dato", value: text });
  }
}

// Any procedure's typed data, read-only, field by field as stored: what a screen shows until the
// procedure has a rendering of its own. Tolerant of any JSON; long data is cut, never thrown on.
export function FormDataList({ formData, dideducName }: { formData: unknown; dideducName?: string | null }) {
  const rows: TRow[] = [];
  collect(formData, [], rows);
  if (dideducName) rows.unshift({ term: "Dirección Departamental", value: dideducName });
  if (rows.length === 0) return <p data-testid="case-summary">La solicitud no tiene datos escritos.</p>;
  return (
    <dl className="divide-y divide-slate-200" data-testid="case-summary">
      {rows.map((r, i) => (
        <div key={i} className="grid gap-1 py-2 sm:grid-cols-3">
          <dt className="font-semibold break-words text-slate-700">{r.term}</dt>
          <dd className="whitespace-pre-line break-words sm:col-span-2">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
