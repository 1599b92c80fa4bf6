import { DIPLOMA_MODALITY_LABELS } from "@/lib/cases/forms/diploma-before-2005-form";
import { REGISTRY_MISS_NOTE, registryMissNumber } from "@/lib/cases/forms/diploma-registry-miss";
import { TITLE_SIGNATORY_SUMMARY } from "@/lib/cases/forms/title-signatory";
import { recordOf, StudentRows, SummaryRow, textOf } from "@/components/cases/summary-rows";

// The typed data of a D.2.1 request (título de diversificado), read-only, as the applicant entered
// it: beside the title's scans in the DIDEDUC's and the central office's views, and on the
// citizen's page after sending. Tolerant of missing fields.
export function DiplomaBefore2005Summary({ formData, dideducName }: { formData: unknown; dideducName?: string | null }) {
  const data = recordOf(formData);
  const title = recordOf(data.title);
  const cgc = recordOf(data.cgcStamp);
  const student = recordOf(data.student);
  const modality = textOf(data.modality);
  const modalityLabel = DIPLOMA_MODALITY_LABELS[modality as keyof typeof DIPLOMA_MODALITY_LABELS] ?? modality;
  const cgcParts = [
    textOf(cgc.registrationNumber) ? `Registro ${textOf(cgc.registrationNumber)}` : "",
    textOf(cgc.book) ? `libro ${textOf(cgc.book)}` : "",
    textOf(cgc.folio) ? `folio ${textOf(cgc.folio)}` : "",
    textOf(cgc.date) ? `fecha ${textOf(cgc.date)}` : "",
  ].filter(Boolean);
  const missNumber = registryMissNumber(data);
  return (
    <div className="space-y-4" data-testid="case-summary">
      {missNumber ? <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-brand-900">{REGISTRY_MISS_NOTE(missNumber)}</p> : null}
      <dl className="divide-y divide-slate-200">
        <SummaryRow term="Tipo de educación" value={modalityLabel} />
        <SummaryRow term="Título" value={textOf(title.degree)} />
        {textOf(title.specialty) ? <SummaryRow term="Especialidad u orientación" value={textOf(title.specialty)} /> : null}
        <SummaryRow term={modality === "EXTRAESCOLAR" ? "Programa" : "Establecimiento educativo"} value={textOf(title.institution)} />
        <SummaryRow term="Año de graduación" value={textOf(title.graduationYear)} />
        {textOf(data.signedBy) ? (
          <SummaryRow term="Firmado por (según la persona)" value={TITLE_SIGNATORY_SUMMARY[textOf(data.signedBy) as keyof typeof TITLE_SIGNATORY_SUMMARY] ?? textOf(data.signedBy)} />
        ) : null}
        <SummaryRow term="Registro de la Contraloría (según el sello)" value={cgcParts.length > 0 ? cgcParts.join(", ") : ""} />
        <SummaryRow term="Sello de la Contraloría" value={data.cgcStampConfirmed === true ? "La persona confirmó que el título lo lleva" : ""} />
        <StudentRows student={student} />
        {dideducName !== undefined ? <SummaryRow term="Dirección Departamental" value={dideducName ?? ""} /> : null}
        {textOf(data.contactPhone) ? <SummaryRow term="Teléfono de contacto" value={textOf(data.contactPhone)} /> : null}
      </dl>
    </div>
  );
}
