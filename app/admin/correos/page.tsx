import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { requireSegment } from "@/lib/auth/require-segment";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Correos enviados" };

const DATE = new Intl.DateTimeFormat("es-GT", { dateStyle: "medium", timeStyle: "short", timeZone: "America/Guatemala" });
const PAGE_SIZE = 100;

function statusOf(m: { sentAt: Date | null; error: string | null }): { label: string; className: string } {
  if (m.sentAt) return { label: "Enviado", className: "bg-green-100 text-green-900" };
  if (m.error) return { label: "Error al enviar", className: "bg-red-100 text-red-900" };
  return { label: "Pendiente (sin SMTP o en cola)", className: "bg-amber-100 text-amber-950" };
}

// Development and support view of the outbox: without SMTP every notice stays here, so this is
// where one reads what a citizen would have received.
export default async function OutboxPage() {
  await requireSegment("admin");
  const [mails, total] = await Promise.all([db.outboxMail.findMany({ orderBy: { createdAt: "desc" }, take: PAGE_SIZE }), db.outboxMail.count()]);
  return (
    <>
      <PageHeading title="Correos enviados (bandeja de salida)">
        <p>
          Los avisos del sistema, del más reciente al más antiguo{total > PAGE_SIZE ? ` (se muestran los ${PAGE_SIZE} últimos de ${total})` : ""}. Sin un servidor SMTP configurado
          quedan aquí como pendientes.
        </p>
      </PageHeading>
      {mails.length === 0 ? (
        <Card>
          <p>No hay correos en la bandeja de salida.</p>
        </Card>
      ) : (
        <ul className="space-y-3">
          {mails.map((m) => {
            const s = statusOf(m);
            return (
              <li key={m.id}>
                <Card as="article" className="p-4 sm:p-4">
                  <details>
                    <summary className="cursor-pointer">
                      <span className="font-semibold">{m.subject}</span>
                      <span className="ml-2 text-slate-700">para {m.to}</span>
                      <span className={`ml-2 rounded px-2 py-0.5 text-sm ${s.className}`}>{s.label}</span>
                      <span className="ml-2 text-sm text-slate-600">{DATE.format(m.createdAt)}</span>
                    </summary>
                    <div className="mt-3 space-y-2">
                      {m.sentAt ? <p className="text-sm text-slate-600">Enviado el {DATE.format(m.sentAt)}</p> : null}
                      {m.error ? <p className="text-sm text-red-800">Último error: {m.error}</p> : null}
                      <pre className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans text-sm">{m.text}</pre>
                    </div>
                  </details>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
