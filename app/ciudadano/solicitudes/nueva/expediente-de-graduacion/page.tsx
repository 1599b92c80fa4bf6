import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveEmailLink } from "@/components/cases/archive-email-link";
import { PageHeading } from "@/components/layout/page-heading";
import { requireSegment } from "@/lib/auth/require-segment";
import { GraduationRecordEditor } from "../../_components/graduation-record-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";

export const metadata: Metadata = { title: "Nueva solicitud: expediente de graduación" };

// A blank D.1.2 form: the case is created by the first save, and the address then becomes the
// case's own (/ciudadano/solicitudes/[id]) without reloading.
export default async function NewGraduationRecordPage() {
  await requireSegment("ciudadano");
  return (
    <>
      <PageHeading title="Expediente de graduación (1974–1996)" eyebrow="Nueva solicitud">
        <p>
          Antes de empezar, solicite su expediente al Archivo Documental del Ministerio de Educación, al correo{" "}
          <ArchiveEmailLink subject="Solicitud de expediente de graduación" />: se lo enviará por correo electrónico como un PDF
          firmado electrónicamente. Aquí escriba los datos tal como aparecen en él y adjunte ese PDF sin
          modificarlo. Todo se guarda automáticamente como borrador.
        </p>
      </PageHeading>
      <GraduationRecordEditor
        initial={NEW_REQUEST}
      />
      <p className="mt-8">
        <Link href="/ciudadano">Volver a mis trámites</Link>
      </p>
    </>
  );
}
