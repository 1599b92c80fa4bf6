import { findDideducName } from "@/lib/cases/find-dideduc-name";
import { registrationLanguages, TRANSLATOR_GENDER_LABELS, TRANSLATOR_REGISTRATION_LABELS as L } from "@/lib/cases/forms/translator-registration-form";

type TRecord = Record<string, unknown>;

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="font-semibold text-slate-700">{term}</dt>
      <dd className="sm:col-span-2">{value || <span className="text-slate-500">No indicado</span>}</dd>
    </div>
  );
}

// The typed data of a D.4 registration, read-only (the manager's case view beside the resolution,
// and the translator's page once sent). Server component: the DIDEDUC is named in the form data.
export async function TranslatorRegistrationSummary({ formData }: { formData: unknown }) {
  const data = (typeof formData === "object" && formData !== null && !Array.isArray(formData) ? formData : {}) as TRecord;
  const languages = registrationLanguages({
    languages: Array.isArray(data.languages) ? data.languages.filter((l): l is string => typeof l === "string") : [],
    otherLanguages: text(data.otherLanguages),
  });
  const dideducName = await findDideducName({ dideducId: text(data.dideducId) || null });
  return (
    <dl className="divide-y divide-slate-200" data-testid="case-summary">
      <Row term={L.name} value={text(data.name)} />
      <Row term={L.gender} value={data.gender === "FEMININE" || data.gender === "MASCULINE" ? TRANSLATOR_GENDER_LABELS[data.gender] : ""} />
      <Row term={L.languages} value={languages.join(", ")} />
      <Row term={L.appointmentResolution} value={text(data.appointmentResolution)} />
      <Row term="Dirección Departamental que registró el nombramiento" value={dideducName ?? ""} />
      <Row term={L.dideducRegistrationNumber} value={text(data.dideducRegistrationNumber)} />
      <Row term={L.resolutionStampConfirmed} value={data.resolutionStampConfirmed === true ? "Quien solicita declara que la resolución lleva el sello de registro." : ""} />
      {text(data.contactPhone) ? <Row term={L.contactPhone} value={text(data.contactPhone)} /> : null}
    </dl>
  );
}
