import { formatDateTime } from "@/components/cases/format-date";
import { Card } from "@/components/ui/card";
import { describeVerificationEvent } from "@/lib/verification/describe-verification-event";
import type { TVerificationLog } from "@/lib/verification/list-verification-events";

// "Consultas de su certificación": when and through which channel someone checked it, newest first.
// No addresses: who looked is the server log's business, not something shown on a page.
export function VerificationLog({ log }: { log: TVerificationLog }) {
  return (
    <Card className="mb-8 space-y-3" aria-labelledby="consultas">
      <h2 id="consultas" className="text-xl font-semibold">
        Consultas de su certificación
      </h2>
      {log.total === 0 ? (
        <p>Nadie ha consultado todavía su certificación.</p>
      ) : (
        <>
          <p data-testid="verification-log-count">
            {log.total === 1 ? "Su certificación fue consultada 1 vez." : `Su certificación fue consultada ${log.total} veces.`}
            {log.total > log.entries.length ? ` Se muestran las ${log.entries.length} más recientes.` : ""}
          </p>
          <ol className="divide-y divide-slate-200" data-testid="verification-log">
            {log.entries.map((e) => (
              <li key={e.id} className="flex flex-col gap-x-4 py-2 sm:flex-row">
                <span className="shrink-0 text-sm tabular-nums text-slate-700 sm:w-48">{formatDateTime(e.createdAt)}</span>
                <span>{describeVerificationEvent(e)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
