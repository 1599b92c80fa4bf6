import type { Procedure } from "@/lib/generated/prisma/enums";
import { EducationalRecordSummary } from "@/components/cases/case-summary";
import { DiplomaBefore2005Summary } from "@/components/cases/diploma-before-2005-summary";
import { DiplomaFrom2005Summary } from "@/components/cases/diploma-from-2005-summary";
import { FormDataList } from "@/components/cases/form-data-list";
import { GraduationRecordSummary } from "@/components/cases/graduation-record-summary";
import { TranslatorRegistrationSummary } from "@/components/cases/translator-registration-summary";
import { SwornTranslationSummary } from "@/components/cases/sworn-translation-summary";
import { Card } from "@/components/ui/card";

export type TProcedureDataPanelProps = { formData: unknown; dideducName?: string | null };

// The typed data of a request, read-only: beside the scans in the staff case views, and on the
// citizen's page once the request is sent. One case per procedure with a rendering of its own;
// the others show every stored field as it is.
export function ProcedureDataPanel({ procedure, ...props }: TProcedureDataPanelProps & { procedure: Procedure }) {
  switch (procedure) {
    case "EDUCATIONAL_RECORD":
      return <EducationalRecordSummary {...props} />;
    case "DIPLOMA_BEFORE_2005":
      return <DiplomaBefore2005Summary {...props} />;
    case "DIPLOMA_FROM_2005":
      return <DiplomaFrom2005Summary formData={props.formData} />;
    case "TRANSLATOR_REGISTRATION":
      return <TranslatorRegistrationSummary formData={props.formData} />;
    case "SWORN_TRANSLATION":
      return <SwornTranslationSummary formData={props.formData} />;
    case "GRADUATION_RECORD":
      return <GraduationRecordSummary formData={props.formData} />;
    default:
      return <FormDataList {...props} />;
  }
}

// The typed data in its own card, as the staff case views show it.
export function ProcedureDataCard({ title, ...props }: TProcedureDataPanelProps & { procedure: Procedure; title: string }) {
  return (
    <Card aria-labelledby="datos-heading">
      <h2 id="datos-heading" className="mb-3 text-xl font-semibold">
        {title}
      </h2>
      <ProcedureDataPanel {...props} />
    </Card>
  );
}
