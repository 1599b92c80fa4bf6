import type { Metadata } from "next";
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
      intro="Las certificaciones que el Departamento Técnico Pedagógico trasladó a su firma: revíselas y fírmelas con su certificado, o devuélvalas."
      emptyText="No hay certificaciones pendientes de su firma."
    />
  );
}
