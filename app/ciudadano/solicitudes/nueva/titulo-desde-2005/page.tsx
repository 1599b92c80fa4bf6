import type { Metadata } from "next";
import Link from "next/link";
import { requireSegment } from "@/lib/auth/require-segment";
import { DiplomaFrom2005Editor } from "../../_components/diploma-from-2005-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";
import { NewRequestPage, RequestFormSection } from "../../_components/new-request-page";

export const metadata: Metadata = { title: "Nueva solicitud: título de diversificado desde 2005" };

// A blank D.2.2 form: nothing is stored until the registry shows the title and the citizen
// confirms it; that first save creates the case and the address becomes the case's own.
export default async function NewDiplomaFrom2005Page() {
  await requireSegment("ciudadano");
  return (
    <NewRequestPage
      title="Título de diversificado (escolar, 2005 en adelante)"
      intro={
        <>
          <p>
            Escriba los datos de la persona graduada, con su CUI o su fecha de nacimiento, y el número de registro que aparece en la esquina superior
            derecha del título: si coinciden con el registro de títulos del Ministerio de Educación, le mostraremos lo que tiene. Si son sus datos, adjunte el título escaneado, anverso y reverso, con el sello de registro de la Contraloría General de
            Cuentas. Atención al Ciudadano lo revisa y lo certifica.
          </p>
          <p>
            ¿Su título es de educación escolar anterior a 2005 o de educación extraescolar?{" "}
            <Link href="/ciudadano/solicitudes/nueva/titulo-antes-de-2005">Use el trámite de títulos anteriores a 2005</Link>.
          </p>
        </>
      }
    >
      {/* The same outline as a saved draft's page (/ciudadano/solicitudes/[id]), which the address becomes. */}
      <RequestFormSection className="mb-10">
        <DiplomaFrom2005Editor initial={NEW_REQUEST} />
      </RequestFormSection>
    </NewRequestPage>
  );
}
