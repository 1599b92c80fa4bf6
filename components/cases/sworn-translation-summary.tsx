import { SWORN_TRANSLATION_LABELS as L } from "@/lib/cases/forms/sworn-translation-form";
import { checkSwornTranslator } from "@/lib/registry/check-sworn-translator";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";
import { recordOf, SummaryRow } from "@/components/cases/summary-rows";

// Strings only, unlike textOf: the translator's facts go to the registry check as typed.
function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

// The typed data of a D.3 request, read-only, and (for the central office's check, D.3 activity 3)
// what the registry of sworn translators says about that translator now: registered, active and
// authorized for the language, or which of them fails. Server component.
export async function SwornTranslationSummary({ formData, showRegistryCheck = true }: { formData: unknown; showRegistryCheck?: boolean }) {
  const data = recordOf(formData);
  const t = recordOf(data.translator);
  const facts = { name: text(t.name), agreementNumber: text(t.agreementNumber), registrationNumber: text(t.registrationNumber), language: text(t.language) };
  const complete = Object.values(facts).every((v) => v !== "");
  const check = showRegistryCheck && complete ? await checkSwornTranslator(facts) : null;
  // The registry's entry names the translator as they chose at registration.
  const as = check?.ok ? describeSwornTranslator(check.translator.gender) : null;
  return (
    <div className="space-y-4" data-testid="case-summary">
      <dl className="divide-y divide-slate-200">
        <SummaryRow term={L["translator.name"]} value={facts.name} />
        <SummaryRow term={L["translator.agreementNumber"]} value={facts.agreementNumber} />
        <SummaryRow term={L["translator.registrationNumber"]} value={facts.registrationNumber} />
        <SummaryRow term={L["translator.language"]} value={facts.language} />
        <SummaryRow term={L.documentTitle} value={text(data.documentTitle)} />
        <SummaryRow term={L.holderName} value={text(data.holderName)} />
        {text(data.contactPhone) ? <SummaryRow term={L.contactPhone} value={text(data.contactPhone)} /> : null}
      </dl>
      {check ? (
        check.ok ? (
          <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900" data-testid="translator-registry-check">
            Registro de traductores jurados: {check.translator.name} está {as?.enrolled} con el número {check.translator.dideducRegistrationNumber} (
            {check.translator.dideduc.name}), {check.translator.appointmentResolution}, {as?.active} y {as?.authorized} para {facts.language}.
          </p>
        ) : (
          <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900" data-testid="translator-registry-check">
            Registro de traductores jurados: {check.message}
          </p>
        )
      ) : null}
    </div>
  );
}
