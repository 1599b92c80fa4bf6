import type { Metadata } from "next";
import { SegmentDashboard } from "@/components/layout/segment-dashboard";
import { Notice } from "@/components/ui/notice";
import { findActorOffice } from "@/lib/auth/find-actor-office";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Revisión departamental" };

const UPCOMING = [
  "La bandeja de solicitudes por revisar de su DIDEDUC, las más antiguas primero.",
  "Los escaneos de cada solicitud junto a los datos que escribió la persona.",
  "Generar la certificación para firma, devolver para corrección o rechazar con orientación sobre dónde acudir.",
  "Las solicitudes devueltas por la Dirección o por Atención al Ciudadano, con su nota.",
];

export default async function DideducHomePage() {
  const actor = await requireSegment("dideduc");
  const office = await findActorOffice(actor.dideducId);
  return (
    <>
      <SegmentDashboard
        actor={actor}
        title="Revisión departamental"
        intro={<>
          <p>Aquí el Departamento Técnico Pedagógico revisa las solicitudes de su Dirección Departamental contra sus registros.</p>
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
