import type { Metadata } from "next";
import { SegmentDashboard } from "@/components/layout/segment-dashboard";
import { Notice } from "@/components/ui/notice";
import { findActorOffice } from "@/lib/auth/find-actor-office";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Firma de la Dirección" };

const UPCOMING = [
  "Las certificaciones listas para firmar, con la hoja de certificación y los escaneos.",
  "Firmar con su certificado (archivo .p12 y su frase; la llave nunca se guarda en el sistema).",
  "Devolver una certificación al equipo técnico con una nota, o rechazarla.",
  "Las delegaciones de revisión que usted otorgue a su personal.",
];

export default async function DireccionHomePage() {
  const actor = await requireSegment("direccion");
  const office = await findActorOffice(actor.dideducId);
  return (
    <>
      <SegmentDashboard
        actor={actor}
        title="Firma de la Dirección"
        intro={<>
          <p>Aquí la Dirección Departamental firma con firma electrónica avanzada las certificaciones que preparó su equipo técnico.</p>
          {office ? <p className="mt-2 font-semibold">Dirección Departamental de Educación de {office.name}</p> : null}
        </>}
        upcoming={UPCOMING}
      />
      {!office ? (
        <Notice tone="warning" className="mt-6" title="Su cuenta no tiene DIDEDUC asignada">
          Pida a la administración del sistema que asigne su Dirección Departamental; sin ella no verá solicitudes.
        </Notice>
      ) : null}
    </>
  );
}
