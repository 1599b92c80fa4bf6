import type { Metadata } from "next";
import { BatchSigningPage } from "@/components/staff/batch-signing-page";
import { requireSegment } from "@/lib/auth/require-segment";
import { completeSigningAction } from "../actions/complete-signing";
import { prepareSigningAction } from "../actions/prepare-signing";

export const metadata: Metadata = { title: "Firmar varias certificaciones" };

// The director's batch signature (issue #13): the cases ticked in the queue, reviewed, then signed
// one by one in the browser with one opening of the certificate.
export default async function DireccionBatchSigningPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("direccion");
  return (
    <BatchSigningPage
      actor={actor}
      segment="direccion"
      action="sign"
      searchParams={await searchParams}
      actions={{ prepare: prepareSigningAction, complete: completeSigningAction }}
    />
  );
}
