import { GRADUATION_RECORD_LABELS } from "@/lib/cases/forms/graduation-record-form";

type TRecord = Record<string, unknown>;

function obj(v: unknown): TRecord {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as TRecord) : {};
}

function text(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

function Row({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="font-semibold text-slate-700">{term}</dt>
      <dd className="sm:col-span-2" data-testid={testId}>
        {value || <span className="text-slate-500">No indicado</span>}
      </dd>
    </div>
  );
}

// The typed data of a D.1.2 request, read-only, as the applicant entered it: the citizen's page
// after sending, and the staff's case view. Tolerant of missing fields.
export function GraduationRecordSummary({ formData }: { formData: unknown }) {
  const data = obj(formData);
  const student = obj(data.student);
  const record = obj(data.record);
  const officer = obj(data.archiveOfficer);
  return (
    <dl className="divide-y divide-slate-200" data-testid="case-summary">
      <Row term="Nombres del estudiante" value={text(student.firstNames)} />
      <Row term="Apellidos del estudiante" value={text(student.lastNames)} />
      {text(student.cui) ? <Row term="CUI" value={text(student.cui)} /> : null}
      {text(student.birthDate) ? <Row term="Fecha de nacimiento" value={text(student.birthDate).slice(0, 10)} /> : null}
      <Row term={GRADUATION_RECORD_LABELS.degree} value={text(record.degree)} />
      <Row term={GRADUATION_RECORD_LABELS.institution} value={text(record.institution)} />
      <Row term={GRADUATION_RECORD_LABELS.graduationYear} value={text(record.graduationYear)} />
      <Row term="Firmó en el Archivo (según el usuario)" value={text(officer.name)} testId="typed-officer-name" />
      <Row term="Puesto (según el usuario)" value={text(officer.post)} testId="typed-officer-post" />
      {text(data.contactPhone) ? <Row term="Teléfono de contacto" value={text(data.contactPhone)} /> : null}
    </dl>
  );
}
