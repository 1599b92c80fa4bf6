import { DOCUMENT_KIND_LABELS, MODALITY_LABELS } from "@/lib/cases/forms/educational-record-form";
import { TITLE_SIGNATORY_SUMMARY } from "@/lib/cases/forms/title-signatory";
import { recordOf, StudentRows, SummaryRow, textOf } from "@/components/cases/summary-rows";

function labelOf(map: Record<string, string>, key: unknown): string {
  const k = textOf(key);
  return map[k] ?? k;
}

// The typed data of a D.1.1 request, read-only, as the applicant entered it (the citizen's case
// page after sending, and the staff's case view beside the scans). Tolerant of missing fields.
export function EducationalRecordSummary({ formData, dideducName }: { formData: unknown; dideducName?: string | null }) {
  const data = recordOf(formData);
  const student = recordOf(data.student);
  const other = textOf(data.otherDescription);
  const kinds = Array.isArray(data.documentKinds)
    ? data.documentKinds.map((k) => (k === "OTROS" && other ? `${labelOf(DOCUMENT_KIND_LABELS, k)}: ${other}` : labelOf(DOCUMENT_KIND_LABELS, k)))
    : [];
  const studies = Array.isArray(data.studies) ? data.studies.map(recordOf) : [];
  const escolar = textOf(data.modality) !== "EXTRAESCOLAR";
  return (
    <div className="space-y-6" data-testid="case-summary">
      <dl className="divide-y divide-slate-200">
        <SummaryRow term="Tipo de estudios" value={labelOf(MODALITY_LABELS, data.modality)} />
        <SummaryRow term="Documentos" value={kinds.join("; ")} />
        {textOf(data.signedBy) ? <SummaryRow term="Firmados por (según la persona)" value={labelOf(TITLE_SIGNATORY_SUMMARY, data.signedBy)} /> : null}
        <StudentRows student={student} />
        {dideducName !== undefined ? <SummaryRow term="Dirección Departamental" value={dideducName ?? ""} /> : null}
        {textOf(data.contactPhone) ? <SummaryRow term="Teléfono de contacto" value={textOf(data.contactPhone)} /> : null}
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
                  <td className="py-2 pr-4">{textOf(s.level)}</td>
                  <td className="py-2 pr-4 tabular-nums">{textOf(s.year)}</td>
                  <td className="py-2">{textOf(s.institution)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
