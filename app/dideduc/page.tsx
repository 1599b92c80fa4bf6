import type { Metadata } from "next";
import { StaffQueuePage } from "@/components/staff/staff-queue-page";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Revisión departamental" };

// Every state a DIDEDUC case passes through after it is sent: the reviewer works DIDEDUC_REVIEW
// and follows the rest (QUEUE_STATES.dideduc).
export default async function DideducQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("dideduc");
  return (
    <StaffQueuePage
      actor={actor}
      segment="dideduc"
      searchParams={await searchParams}
      title="Revisión departamental"
      intro="Las solicitudes de su Dirección Departamental: compare los escaneos con sus registros y genere la certificación, o devuélvala."
      emptyText="No hay solicitudes en su bandeja."
    />
  );
}
