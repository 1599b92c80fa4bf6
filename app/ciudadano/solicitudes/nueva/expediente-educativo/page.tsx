import type { Metadata } from "next";
import { requireSegment } from "@/lib/auth/require-segment";
import { listDideducs } from "@/lib/cases/list-dideducs";
import { EducationalRecordEditor } from "../../_components/educational-record-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";
import { NewRequestPage } from "../../_components/new-request-page";

export const metadata: Metadata = { title: "Nueva solicitud: expediente educativo" };

// A blank D.1.1 form: the case is created by the first save, and the address then becomes the
// case's own (/ciudadano/solicitudes/[id]) without reloading.
export default async function NewEducationalRecordPage() {
  await requireSegment("ciudadano");
  const dideducs = await listDideducs();
  return (
    <NewRequestPage
      title="Expediente educativo"
      intro={
        <p>Complete los datos tal como aparecen en sus documentos y adjunte los escaneos. Todo se guarda automáticamente como borrador.</p>
      }
    >
      <EducationalRecordEditor
        initial={NEW_REQUEST}
        dideducs={dideducs.map((d) => ({ id: d.id, name: d.name }))}
      />
    </NewRequestPage>
  );
}
