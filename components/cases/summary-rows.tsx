// The pieces every procedure's read-only summary of the typed data is made of (case-summary and the
// other *-summary components): reading the stored JSON without trusting its shape, and the
// definition list's rows.

type TRecord = Record<string, unknown>;

// An object of the form data, or an empty one for anything else (a missing or malformed field).
export function recordOf(v: unknown): TRecord {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as TRecord) : {};
}

// A typed value as shown: trimmed text, or a number written out; "" for anything else.
export function textOf(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

// One term and its value; an empty value reads «No indicado». testId marks the value.
export function SummaryRow({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="font-semibold text-slate-700">{term}</dt>
      <dd className="sm:col-span-2" data-testid={testId}>
        {value || <span className="text-slate-500">No indicado</span>}
      </dd>
    </div>
  );
}

// The student's names as typed, and the CUI and birth date when given (D.1.1, D.1.2, D.2.1).
export function StudentRows({ student }: { student: TRecord }) {
  return (
    <>
      <SummaryRow term="Nombres del estudiante" value={textOf(student.firstNames)} />
      <SummaryRow term="Apellidos del estudiante" value={textOf(student.lastNames)} />
      {textOf(student.cui) ? <SummaryRow term="CUI" value={textOf(student.cui)} /> : null}
      {textOf(student.birthDate) ? <SummaryRow term="Fecha de nacimiento" value={textOf(student.birthDate).slice(0, 10)} /> : null}
    </>
  );
}
