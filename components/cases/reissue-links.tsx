import Link from "next/link";
import type { TReissueLinks } from "@/lib/cases/find-reissue-links";
import { CaseStateBadge } from "./case-state-badge";
import { formatDateTime } from "./format-date";

// "Reposición de <número>": on a corrected re-issue's page (staff and holder), the certification
// it corrects, linked, and what central staff asked to correct. `showNote` is the holder's draft
// (an instruction to follow) or any staff view (what the reviewers must check again).
export function ReissueOfNotice({ links, href, showNote }: { links: TReissueLinks; href: (caseId: string) => string | null; showNote: boolean }) {
  const of = links.reissueOf;
  if (!of) return null;
  const target = href(of.id);
  return (
    <section aria-labelledby="reposicion-de" className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-4 text-brand-900" data-testid="reissue-of">
      <h2 id="reposicion-de" className="text-lg font-semibold">
        Reposición de {target ? <Link href={target}>{of.number}</Link> : of.number}
      </h2>
      <p className="mt-1">
        Esta solicitud corrige la certificación {of.number}. Cuando se emita, aquella dejará de ser válida y su página de verificación enlazará a la
        nueva.
      </p>
      {showNote && links.reissueNote ? (
        <div className="mt-2">
          <p className="font-semibold">Qué hay que corregir</p>
          <p className="whitespace-pre-line" data-testid="reissue-note">
            {links.reissueNote}
          </p>
        </div>
      ) : null}
    </section>
  );
}

// The corrected re-issues started from this case, newest first, each with its state.
export function ReissueList({ links, href }: { links: TReissueLinks; href: (caseId: string) => string | null }) {
  if (links.reissues.length === 0) return null;
  return (
    <div>
      <h3 className="font-semibold">Reposiciones de esta certificación</h3>
      <ul className="mt-2 space-y-2" data-testid="reissue-list">
        {links.reissues.map((r) => {
          const target = href(r.id);
          return (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-semibold tabular-nums">{target ? <Link href={target}>{r.number}</Link> : r.number}</span>
              <CaseStateBadge state={r.state} />
              <span className="text-sm text-slate-700">iniciada el {formatDateTime(r.createdAt)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
