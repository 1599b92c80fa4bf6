import { listShareLinks } from "@/lib/sharing/list-share-links";
import { shareLinkDateBounds } from "@/lib/sharing/share-link-policy";
import { listVerificationEvents } from "@/lib/verification/list-verification-events";
import { ShareLinksPanel } from "./share-links-panel";
import { VerificationLog } from "./verification-log";

// On the holder's page of an issued (or revoked) certification: their share links and who checked it.
export async function CaseSharingSection({ caseId, holderId, revoked }: { caseId: string; holderId: string; revoked: boolean }) {
  const now = new Date();
  const [links, log] = await Promise.all([listShareLinks({ actor: { id: holderId }, caseId, now }), listVerificationEvents({ actor: { id: holderId }, caseId })]);
  if (!links || !log) return null;
  const bounds = shareLinkDateBounds(now);
  return (
    <>
      <ShareLinksPanel caseId={caseId} links={links} revoked={revoked} dateMin={bounds.min} dateMax={bounds.max} />
      <VerificationLog log={log} />
    </>
  );
}
