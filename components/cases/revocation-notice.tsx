import Link from "next/link";
import type { RevocationCategory } from "@/lib/generated/prisma/enums";
import { REVOCATION_CATEGORY_LABELS } from "@/lib/verification/revocation-categories";
import { formatDateTime } from "./format-date";

// The holder's view of an anulación: when, the public reason (never the staff's internal note),
// what it means and what to do. The revoked PDF is no longer offered for download here: a copy
// the holder kept is not valid, and the verification page says so to anyone who checks it.
export function RevocationNotice({
  revokedAt,
  category,
  verificationCode,
}: {
  revokedAt: Date | string;
  category: RevocationCategory | null;
  verificationCode: string | null;
}) {
  const replaced = category === "REPLACED";
  return (
    <section aria-labelledby="anulada" className="mb-8 rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-950" data-testid="revocation-notice">
      <h2 id="anulada" className="text-xl font-semibold">
        {replaced ? "Certificación reemplazada" : "Certificación anulada"}
      </h2>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Fecha de anulación</dt>
        <dd>
          <time dateTime={new Date(revokedAt).toISOString()}>{formatDateTime(revokedAt)}</time>
        </dd>
        {category ? (
          <>
            <dt className="font-semibold">Motivo</dt>
            <dd>{REVOCATION_CATEGORY_LABELS.es[category]}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-3">
        Este documento ya no es válido, aunque conserve el PDF o una copia impresa: no lo presente ante ninguna institución. Quien
        escanee su código QR verá que está anulado.
      </p>
      <p className="mt-2">
        {replaced
          ? "Use la certificación corregida que la reemplaza: la encontrará en sus trámites."
          : "Si necesita una certificación válida, inicie una nueva solicitud. Si tiene dudas sobre la anulación, comuníquese con Atención al Ciudadano del Ministerio de Educación e indique el número de esta solicitud."}
      </p>
      {verificationCode ? (
        <p className="mt-2">
          <Link href={`/verificar/${encodeURIComponent(verificationCode)}`}>Ver la página de verificación</Link>
        </p>
      ) : null}
    </section>
  );
}
