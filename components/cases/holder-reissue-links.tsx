import "server-only";
import { findReissueLinks } from "@/lib/cases/find-reissue-links";
import { ReissueList, ReissueOfNotice } from "./reissue-links";

const holderHref = (caseId: string) => `/ciudadano/solicitudes/${encodeURIComponent(caseId)}`;

// On the holder's case page (their own case: the page checked it): "Reposición de <número>" on a
// corrected re-issue, with what to correct while it is a draft to correct; and on a certification
// being corrected, its re-issues.
export async function HolderReissueLinks({ caseId, state }: { caseId: string; state: string }) {
  const links = await findReissueLinks({ caseId });
  if (!links.reissueOf && links.reissues.length === 0) return null;
  return (
    <div className="mb-6 space-y-4">
      <ReissueOfNotice links={links} href={holderHref} showNote={state === "DRAFT"} />
      <ReissueList links={links} href={holderHref} />
    </div>
  );
}
