import { formatDateTime } from "@/components/cases/format-date";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { RevocationCategory, Role } from "@/lib/generated/prisma/enums";
import { REVOCATION_CATEGORY_LABELS } from "@/lib/verification/revocation-categories";

export type TStaffRevocation = {
  revokedAt: Date | string;
  category: RevocationCategory | null;
  // The internal note (Case.revokedReason): staff only, never on the public page or to the holder.
  note: string | null;
  // From the audit event of the revocation.
  byName: string | null;
  byRole: Role | null;
};

// What the staff see of an anulación: when, why (public category), the internal note and who.
export function RevocationCard({ r }: { r: TStaffRevocation }) {
  return (
    <section aria-labelledby="anulacion-heading" className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-950" data-testid="revocation-card">
      <h2 id="anulacion-heading" className="text-lg font-semibold">
        Certificación anulada
      </h2>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Fecha</dt>
        <dd>
          <time dateTime={new Date(r.revokedAt).toISOString()}>{formatDateTime(r.revokedAt)}</time>
        </dd>
        {r.category ? (
          <>
            <dt className="font-semibold">Motivo (público)</dt>
            <dd data-testid="revocation-category">{REVOCATION_CATEGORY_LABELS.es[r.category]}</dd>
          </>
        ) : null}
        {r.byName || r.byRole ? (
          <>
            <dt className="font-semibold">Anulada por</dt>
            <dd>{[r.byName, r.byRole ? ROLE_LABELS[r.byRole] : null].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        {r.note ? (
          <>
            <dt className="font-semibold">Nota interna</dt>
            <dd className="whitespace-pre-line" data-testid="revocation-note">
              {r.note}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="mt-2 text-sm">
        La página de verificación la muestra como anulada, con la fecha y el motivo; la nota interna no se publica ni se envió al titular.
      </p>
    </section>
  );
}
