import { DOCUMENT_KIND_LABELS, MODALITY_LABELS } from "@/lib/cases/forms/educational-record-form";
import { TITLE_SIGNATORY_SUMMARY } from "@/lib/cases/forms/title-signatory";

type TRecord = Record<string, unknown>;

function obj(v: unknown): TRecord {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as TRecord) : {};
}

function text(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

function labelOf(map: Record<string, string>, key: unknown): string {
  const k = text(key);
  return map[k] ?? k;
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="font-semibold text-slate-700">{term}</dt>
      <dd className="sm:col-span-2">{value || <span className="text-slate-500">No indicado</span>}</dd>
    </div>
  );
}

// The typed data of a D.1.1 request, read-only, as the applicant entered it (the citizen's case
// page after sending, and the staff's case view beside the scans). Tolerant of missing fields.
export function EducationalRecordSummary({ formData, dideducName }: { formData: unknown; dideducName?: string | null }) {
  const data = obj(formData);
  const student = obj(data.student);
  const other = text(data.otherDescription);
  const kinds = Array.isArray(data.documentKinds)
    ? data.documentKinds.map((k) => (k === "OTROS" && other ? `${labelOf(DOCUMENT_KIND_LABELS, k)}: ${other}` : labelOf(DOCUMENT_KIND_LABELS, k)))
    : [];
  const studies = Array.isArray(data.studies) ? data.studies.map(obj) : [];
  const escolar = text(data.modality) !== "EXTRAESCOLAR";
  return (
    <div className="space-y-6" data-testid="case-summary">
      <dl className="divide-y divide-slate-200">
        <Row term="Tipo de estudios" value={labelOf(MODALITY_LABELS, data.modality)} />
        <Row term="Documentos" value={kinds.join("; ")} />
        {text(data.signedBy) ? <Row term="Firmados por (según la persona)" value={labelOf(TITLE_SIGNATORY_SUMMARY, data.signedBy)} /> : null}
        <Row term="Nombres del estudiante" value={text(student.firstNames)} />
        <Row term="Apellidos del estudiante" value={text(student.lastNames)} />
        {text(student.cui) ? <Row term="CUI" value={text(student.cui)} /> : null}
        {text(student.birthDate) ? <Row term="Fecha de nacimiento" value={text(student.birthDate).slice(0, 10)} /> : null}
        {dideducName !== undefined ? <Row term="Dirección Departamental" value={dideducName ?? ""} /> : null}
        {text(data.contactPhone) ? <Row term="Teléfono de contacto" value={text(data.contactPhone)} /> : null}
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left font-semibold">{escolar ? "Grados cursados" : "Etapas cursadas"}</caption>
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="py-2 pr-4">{escolar ? "Grado" : "Etapa"}</th>
              <th scope="col" className="py-2 pr-4">Año</th>
              <th scope="col" className="py-2">{escolar ? "Establecimiento" : "Programa"}</th>
            </tr>
          </thead>
          <tbody>
            {studies.length === 0 ? (
              <tr>
                <td colSpan={3} className="py-2 text-slate-500">
                  No indicado
                </td>
              </tr>
            ) : (
              studies.map((s, i) => (
                <tr key={i} className="border-b border-slate-200">
                  <td className="py-2 pr-4">{text(s.level)}</td>
                  <td className="py-2 pr-4 tabular-nums">{text(s.year)}</td>
                  <td className="py-2">{text(s.institution)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
