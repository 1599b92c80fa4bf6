import type { Metadata } from "next";
import { SegmentDashboard } from "@/components/layout/segment-dashboard";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Atención al Ciudadano" };

const UPCOMING = [
  "La bandeja de solicitudes firmadas por las DIDEDUC y las que llegan directamente a Planta Central.",
  "La comprobación automática de cada firma contra el registro de firmantes autorizados.",
  "Firmar y emitir, o devolver a la DIDEDUC con una nota.",
  "El registro de traductores jurados y la certificación de sus traducciones.",
];

export default async function AtencionHomePage() {
  const actor = await requireSegment("atencion");
  return (
    <>
      <SegmentDashboard
        actor={actor}
        title="Atención al Ciudadano"
        intro={<p>Aquí el Departamento de Atención al Ciudadano (DISERSA) verifica las firmas de las DIDEDUC, firma y emite los documentos certificados.</p>}
        upcoming={UPCOMING}
      />
    </>
  );
}
