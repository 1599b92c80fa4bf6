import type { Metadata } from "next";
import { SegmentDashboard } from "@/components/layout/segment-dashboard";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Mis trámites" };

const UPCOMING = [
  "Sus solicitudes, con el estado de cada una y lo que falta para continuar.",
  "Nuevas solicitudes: expediente educativo, expediente de graduación (1974–1996), título de diversificado y certificación de traducciones juradas.",
  "Los avisos de corrección o rechazo, con el motivo y lo que debe hacer.",
  "La descarga del documento certificado, con su código QR de verificación.",
  "Para traductores jurados: el registro ante el Ministerio (acuerdo o resolución e idiomas autorizados).",
];

export default async function CitizenHomePage() {
  const actor = await requireSegment("ciudadano");
  return (
    <>
      <SegmentDashboard
        actor={actor}
        title="Mis trámites"
        intro={<p>Aquí solicita la certificación de sus documentos educativos y sigue cada trámite hasta descargar el PDF certificado.</p>}
        upcoming={UPCOMING}
      />
    </>
  );
}
