import type { Procedure } from "@/lib/generated/prisma/enums";
import { Notice } from "@/components/ui/notice";
import { DiplomaBefore2005Editor } from "./diploma-before-2005-editor";
import { DiplomaFrom2005Editor } from "./diploma-from-2005-editor";
import { EducationalRecordEditor } from "./educational-record-editor";
import type { TEditorInitial } from "./editor-initial";
import { TranslatorRegistrationEditor } from "./translator-registration-editor";
import { SwornTranslationEditor } from "./sworn-translation-editor";
import { GraduationRecordEditor } from "./graduation-record-editor";

export type TProcedureEditorProps = {
  initial: TEditorInitial;
  dideducs: ReadonlyArray<{ id: string; name: string }>;
};

// The citizen's form of each procedure, for a draft or a case under correction: one case per
// procedure whose form exists (lib/cases/procedure-forms.ts); every editor takes the same props.
export function ProcedureEditor({ procedure, ...props }: TProcedureEditorProps & { procedure: Procedure }) {
  switch (procedure) {
    case "EDUCATIONAL_RECORD":
      return <EducationalRecordEditor {...props} />;
    case "DIPLOMA_BEFORE_2005":
      return <DiplomaBefore2005Editor {...props} />;
    case "DIPLOMA_FROM_2005":
      return <DiplomaFrom2005Editor {...props} />;
    case "TRANSLATOR_REGISTRATION":
      return <TranslatorRegistrationEditor {...props} />;
    case "SWORN_TRANSLATION":
      return <SwornTranslationEditor {...props} />;
    case "GRADUATION_RECORD":
      return <GraduationRecordEditor {...props} />;
    default:
      return (
        <Notice tone="warning" title="Este trámite todavía no se puede completar en línea">
          <p>Sus datos y documentos siguen guardados. Vuelva a intentarlo más adelante o comuníquese con la oficina que atiende el trámite.</p>
        </Notice>
      );
  }
}
