import type { Metadata } from "next";
import { ArchiveEmailLink } from "@/components/cases/archive-email-link";
import { requireSegment } from "@/lib/auth/require-segment";
import { GraduationRecordEditor } from "../../_components/graduation-record-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";
import { NewRequestPage } from "../../_components/new-request-page";

export const metadata: Metadata = { title: "Nueva solicitud: expediente de graduación" };

// A blank D.1.2 form: the case is created by the first save, and the address then becomes the
// case's own (/ciudadano/solicitudes/[id]) without reloading.
export default async function NewGraduationRecordPage() {
  await requireSegment("ciudadano");
  return (
    <NewRequestPage
      title="Expediente de graduación (1974–1996)"
      intro={
        <>
          <p>
            Antes de empezar, solicite su expediente al Archivo Documental del Ministerio de Educación, al correo{" "}
            <ArchiveEmailLink subject="Solicitud de expediente de graduación" />: se lo enviará por correo electrónico como un PDF
            firmado electrónicamente. Aquí escriba los datos tal como aparecen en él y adjunte ese PDF sin
            modificarlo. Todo se guarda automáticamente como borrador.
          </p>
        </>
      }
    >
      <GraduationRecordEditor
        initial={NEW_REQUEST}
      />
    </NewRequestPage>
  );
}
