import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { requireSegment } from "@/lib/auth/require-segment";
import { listDideducs } from "@/lib/cases/list-dideducs";
import { EducationalRecordEditor } from "../../_components/educational-record-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";

export const metadata: Metadata = { title: "Nueva solicitud: expediente educativo" };

// A blank D.1.1 form: the case is created by the first save, and the address then becomes the
// case's own (/ciudadano/solicitudes/[id]) without reloading.
export default async function NewEducationalRecordPage() {
  await requireSegment("ciudadano");
  const dideducs = await listDideducs();
  return (
    <>
      <PageHeading title="Expediente educativo" eyebrow="Nueva solicitud">
        <p>Complete los datos tal como aparecen en sus documentos y adjunte los escaneos. Todo se guarda automáticamente como borrador.</p>
      </PageHeading>
      <EducationalRecordEditor
        initial={NEW_REQUEST}
        dideducs={dideducs.map((d) => ({ id: d.id, name: d.name }))}
      />
      <p className="mt-8">
        <Link href="/ciudadano">Volver a mis trámites</Link>
      </p>
    </>
  );
}
