import type { Metadata } from "next";
import Link from "next/link";
import { requireSegment } from "@/lib/auth/require-segment";
import { DIPLOMA_FROM_2005_NEW_REQUEST_HREF, FIRST_REGISTERED_SCHOOL_YEAR } from "@/lib/cases/forms/diploma-before-2005-form";
import { listDideducs } from "@/lib/cases/list-dideducs";
import { DiplomaBefore2005Editor } from "../../_components/diploma-before-2005-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";
import { NewRequestPage } from "../../_components/new-request-page";

export const metadata: Metadata = { title: "Nueva solicitud: título de diversificado" };

// A blank D.2.1 form: the case is created by the first save, and the address then becomes the
// case's own (/ciudadano/solicitudes/[id]) without reloading.
export default async function NewDiplomaBefore2005Page() {
  await requireSegment("ciudadano");
  const dideducs = await listDideducs();
  return (
    <NewRequestPage
      title={`Título de diversificado (escolar antes de ${FIRST_REGISTERED_SCHOOL_YEAR} o extraescolar)`}
      intro={
        <>
          <p>
            Escriba los datos tal como aparecen en su título y adjúntelo escaneado, anverso y reverso, con el sello de registro de la Contraloría General de
            Cuentas. La Dirección Departamental de Educación lo verifica en sus registros. Todo se guarda automáticamente como borrador.
          </p>
          <p>
            ¿Su título es de educación escolar de {FIRST_REGISTERED_SCHOOL_YEAR} en adelante?{" "}
            <Link href={DIPLOMA_FROM_2005_NEW_REQUEST_HREF}>Use el trámite con el número de registro del título</Link>.
          </p>
        </>
      }
    >
      <DiplomaBefore2005Editor
        initial={NEW_REQUEST}
        dideducs={dideducs.map((d) => ({ id: d.id, name: d.name }))}
      />
    </NewRequestPage>
  );
}
