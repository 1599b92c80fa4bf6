import type { Metadata } from "next";
import { SegmentDashboard } from "@/components/layout/segment-dashboard";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Administración" };

const UPCOMING = [
  "Cuentas del personal: alta, roles, DIDEDUC y desactivación.",
  "El directorio de las 26 DIDEDUC y sus Supervisiones Educativas.",
  "El registro de firmantes autorizados, con la huella y vigencia de cada certificado.",
  "Las delegaciones vigentes y el registro de títulos.",
];

export default async function AdminHomePage() {
  const actor = await requireSegment("admin");
  return (
    <>
      <SegmentDashboard
        actor={actor}
        title="Administración"
        intro={<p>Aquí la administración del sistema mantiene las cuentas del personal y los datos de las oficinas.</p>}
        upcoming={UPCOMING}
      />
    </>
  );
}
