import type { Metadata } from "next";
import Link from "next/link";
import { StaffQueuePage } from "@/components/staff/staff-queue-page";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Firma de la Dirección" };

export default async function DireccionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("direccion");
  return (
    <StaffQueuePage
      actor={actor}
      segment="direccion"
      searchParams={await searchParams}
      title="Firma de la Dirección"
      intro={
        <>
          Las certificaciones que el Departamento Técnico Pedagógico trasladó a su firma: revíselas y fírmelas con su certificado, o devuélvalas.{" "}
          {/* Nota 3: the Director notifies the office's signers and their changes. */}
          {actor.roles.includes("DIDEDUC_SIGNER") ? <Link href="/direccion/firmantes">Firmantes de su Dirección: notificar altas y cambios de personal</Link> : null}
        </>
      }
      emptyText="No hay certificaciones pendientes de su firma."
    />
  );
}
