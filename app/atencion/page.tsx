import type { Metadata } from "next";
import Link from "next/link";
import { countPendingSignerChanges } from "@/lib/registry/signer-changes/count-pending-signer-changes";
import { StaffQueuePage } from "@/components/staff/staff-queue-page";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Atención al Ciudadano" };

// Sworn translators' registrations (D.4) are listed for the central manager only.
export default async function AtencionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("atencion");
  const pendingSigners = await countPendingSignerChanges();
  return (
    <StaffQueuePage
      actor={actor}
      segment="atencion"
      searchParams={await searchParams}
      title="Atención al Ciudadano"
      intro={
        <>
          Las solicitudes de todas las Direcciones Departamentales que esperan la revisión de Planta Central: compruebe las firmas, firme y emita, o devuelva a la DIDEDUC.{" "}
          {/* Nota 3: the DIDEDUCs' notices of their signers. */}
          <Link href="/atencion/firmantes">
            Notificaciones de firmantes de las Direcciones Departamentales{pendingSigners > 0 ? ` (${pendingSigners} pendientes)` : ""}
          </Link>
        </>
      }
      emptyText="No hay solicitudes esperando la revisión de Atención al Ciudadano."
    />
  );
}
