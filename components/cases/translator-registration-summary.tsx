import { findDideducName } from "@/lib/cases/find-dideduc-name";
import { registrationLanguages, TRANSLATOR_GENDER_LABELS, TRANSLATOR_REGISTRATION_LABELS as L } from "@/lib/cases/forms/translator-registration-form";
import { recordOf, SummaryRow } from "@/components/cases/summary-rows";

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

// The typed data of a D.4 registration, read-only (the manager's case view beside the resolution,
// and the translator's page once sent). Server component: the DIDEDUC is named in the form data.
export async function TranslatorRegistrationSummary({ formData }: { formData: unknown }) {
  const data = recordOf(formData);
  const languages = registrationLanguages({
    languages: Array.isArray(data.languages) ? data.languages.filter((l): l is string => typeof l === "string") : [],
    otherLanguages: text(data.otherLanguages),
  });
  const dideducName = await findDideducName({ dideducId: text(data.dideducId) || null });
  return (
    <dl className="divide-y divide-slate-200" data-testid="case-summary">
      <SummaryRow term={L.name} value={text(data.name)} />
      <SummaryRow term={L.gender} value={data.gender === "FEMININE" || data.gender === "MASCULINE" ? TRANSLATOR_GENDER_LABELS[data.gender] : ""} />
      <SummaryRow term={L.languages} value={languages.join(", ")} />
      <SummaryRow term={L.appointmentResolution} value={text(data.appointmentResolution)} />
      <SummaryRow term="Dirección Departamental que registró el nombramiento" value={dideducName ?? ""} />
      <SummaryRow term={L.dideducRegistrationNumber} value={text(data.dideducRegistrationNumber)} />
      <SummaryRow term={L.resolutionStampConfirmed} value={data.resolutionStampConfirmed === true ? "Quien solicita declara que la resolución lleva el sello de registro." : ""} />
      {text(data.contactPhone) ? <SummaryRow term={L.contactPhone} value={text(data.contactPhone)} /> : null}
    </dl>
  );
}
