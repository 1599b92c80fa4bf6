import Link from "next/link";
import type { ReactNode } from "react";
import { CaseStateBadge } from "@/components/cases/case-state-badge";
import { formatDateTime } from "@/components/cases/format-date";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { RevocationCard, type TStaffRevocation } from "./revocation-card";

export type TStaffCaseHeader = {
  number: string;
  procedureLabel: string;
  state: CaseState;
  dideducName: string | null;
  applicantName: string;
  applicantEmail: string | null;
  submittedAt: Date | string | null;
  lastNote: string | null;
  // Which step left the note and who took it, e.g. "Devuelta a la firma de la Dirección Departamental ·
  // Ana Pérez, Asistente de Atención al Ciudadano"; null when unknown.
  lastNoteFrom?: string | null;
  lastNoteAction?: string | null;
  verificationCode: string | null;
  // Set once the certification was revoked (anulación or replacement by a corrected re-issue).
  revocation?: TStaffRevocation | null;
};

// Top of every staff case view: which case, in which state, whose, and the latest note (why it is
// back here, or why it was rejected).
export function StaffCaseHeader({ c, backHref, backLabel, children }: { c: TStaffCaseHeader; backHref: string; backLabel: string; children?: ReactNode }) {
  return (
    <div className="mb-8 space-y-3">
      <p>
        <Link href={backHref}>← {backLabel}</Link>
      </p>
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{c.procedureLabel}</p>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
        Solicitud <span data-testid="case-number">{c.number}</span>
      </h1>
      <p>
        <span className="sr-only">Estado: </span>
        <CaseStateBadge state={c.state} />
      </p>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">Solicitante</dt>
        <dd>
          {c.applicantName}
          {c.applicantEmail ? <span className="text-slate-700"> · {c.applicantEmail}</span> : null}
        </dd>
        {c.dideducName ? (
          <>
            <dt className="text-slate-700">Dirección Departamental</dt>
            <dd>{c.dideducName}</dd>
          </>
        ) : null}
        {c.submittedAt ? (
          <>
            <dt className="text-slate-700">Enviada</dt>
            <dd>{formatDateTime(c.submittedAt)}</dd>
          </>
        ) : null}
        {c.verificationCode ? (
          <>
            <dt className="text-slate-700">Código de verificación</dt>
            <dd className="font-mono">{c.verificationCode}</dd>
          </>
        ) : null}
      </dl>
      {c.lastNote ? (
        <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950" data-testid="last-note" data-action={c.lastNoteAction ?? undefined}>
          <p className="font-semibold">Última nota</p>
          {c.lastNoteFrom ? <p className="text-sm">{c.lastNoteFrom}</p> : null}
          <p className="whitespace-pre-line">{c.lastNote}</p>
        </div>
      ) : null}
      {c.revocation ? <RevocationCard r={c.revocation} /> : null}
      {children}
    </div>
  );
}
