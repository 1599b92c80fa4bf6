import type { Metadata } from "next";
import { BatchSigningPage } from "@/components/staff/batch-signing-page";
import { requireSegment } from "@/lib/auth/require-segment";
import { completeSigningAction } from "../actions/complete-signing";
import { prepareSigningAction } from "../actions/prepare-signing";

export const metadata: Metadata = { title: "Firmar y emitir varias certificaciones" };

// The central office's batch "Firmar y emitir" (issue #13): the cases ticked in the queue,
// reviewed, then signed and issued one by one in the browser with one opening of the certificate.
export default async function AtencionBatchSigningPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("atencion");
  return (
    <BatchSigningPage
      actor={actor}
      segment="atencion"
      action="sign_and_issue"
      searchParams={await searchParams}
      actions={{ prepare: prepareSigningAction, complete: completeSigningAction }}
    />
  );
}
