import { DIPLOMA_MODALITY_LABELS } from "@/lib/cases/forms/diploma-before-2005-form";
import { REGISTRY_MISS_NOTE, registryMissNumber } from "@/lib/cases/forms/diploma-registry-miss";
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

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="font-semibold text-slate-700">{term}</dt>
      <dd className="sm:col-span-2">{value || <span className="text-slate-500">No indicado</span>}</dd>
    </div>
  );
}

// The typed data of a D.2.1 request (título de diversificado), read-only, as the applicant entered
// it: beside the title's scans in the DIDEDUC's and the central office's views, and on the
// citizen's page after sending. Tolerant of missing fields.
export function DiplomaBefore2005Summary({ formData, dideducName }: { formData: unknown; dideducName?: string | null }) {
  const data = obj(formData);
  const title = obj(data.title);
  const cgc = obj(data.cgcStamp);
  const student = obj(data.student);
  const modality = text(data.modality);
  const modalityLabel = DIPLOMA_MODALITY_LABELS[modality as keyof typeof DIPLOMA_MODALITY_LABELS] ?? modality;
  const cgcParts = [
    text(cgc.registrationNumber) ? `Registro ${text(cgc.registrationNumber)}` : "",
    text(cgc.book) ? `libro ${text(cgc.book)}` : "",
    text(cgc.folio) ? `folio ${text(cgc.folio)}` : "",
    text(cgc.date) ? `fecha ${text(cgc.date)}` : "",
  ].filter(Boolean);
  const missNumber = registryMissNumber(data);
  return (
    <div className="space-y-4" data-testid="case-summary">
      {missNumber ? <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-brand-900">{REGISTRY_MISS_NOTE(missNumber)}</p> : null}
      <dl className="divide-y divide-slate-200">
        <Row term="Tipo de educación" value={modalityLabel} />
        <Row term="Título" value={text(title.degree)} />
        {text(title.specialty) ? <Row term="Especialidad u orientación" value={text(title.specialty)} /> : null}
        <Row term={modality === "EXTRAESCOLAR" ? "Programa" : "Establecimiento educativo"} value={text(title.institution)} />
        <Row term="Año de graduación" value={text(title.graduationYear)} />
        {text(data.signedBy) ? (
          <Row term="Firmado por (según la persona)" value={TITLE_SIGNATORY_SUMMARY[text(data.signedBy) as keyof typeof TITLE_SIGNATORY_SUMMARY] ?? text(data.signedBy)} />
        ) : null}
        <Row term="Registro de la Contraloría (según el sello)" value={cgcParts.length > 0 ? cgcParts.join(", ") : ""} />
        <Row term="Sello de la Contraloría" value={data.cgcStampConfirmed === true ? "La persona confirmó que el título lo lleva" : ""} />
        <Row term="Nombres del estudiante" value={text(student.firstNames)} />
        <Row term="Apellidos del estudiante" value={text(student.lastNames)} />
        {text(student.cui) ? <Row term="CUI" value={text(student.cui)} /> : null}
        {text(student.birthDate) ? <Row term="Fecha de nacimiento" value={text(student.birthDate).slice(0, 10)} /> : null}
        {dideducName !== undefined ? <Row term="Dirección Departamental" value={dideducName ?? ""} /> : null}
        {text(data.contactPhone) ? <Row term="Teléfono de contacto" value={text(data.contactPhone)} /> : null}
      </dl>
    </div>
  );
}
