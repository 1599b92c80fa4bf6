import type { Metadata } from "next";
import { requireSegment } from "@/lib/auth/require-segment";
import { SwornTranslationEditor } from "../../_components/sworn-translation-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";
import { NewRequestPage, RequestFormSection } from "../../_components/new-request-page";

export const metadata: Metadata = { title: "Nueva solicitud: certificación de traducción jurada" };

// D.3, a blank form: the case is created by the first save.
export default async function NewSwornTranslationPage() {
  await requireSegment("ciudadano");
  return (
    <NewRequestPage
      title="Certificación de traducción jurada"
      intro={
        <>
          <p>
            Atención al Ciudadano certifica que la traducción fue hecha por un traductor jurado inscrito en el registro del Ministerio de Educación y autorizado
            para el idioma. Suba solo la traducción, no los documentos originales. Todo se guarda automáticamente como borrador.
          </p>
        </>
      }
    >
      <RequestFormSection>
        <SwornTranslationEditor initial={NEW_REQUEST} />
      </RequestFormSection>
    </NewRequestPage>
  );
}
