import type { ReactNode } from "react";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { ReissueOfNotice } from "@/components/cases/reissue-links";
import type { TReissueLinks } from "@/lib/cases/find-reissue-links";
import type { TQueueSegment } from "@/lib/cases/list-case-queue";
import { CaseAssignmentBar, type TCaseAssignmentBarView } from "./case-assignment-bar";
import { DoneNotice } from "./done-notice";
import type { TStaffFormAction } from "./form-action";
import { StaffCaseHeader } from "./staff-case-header";
import type { toCaseViewModel } from "./to-case-view-model";

type TStaffCaseFrameProps = {
  segment: TQueueSegment;
  // What loadStaffCase gave the page, after the page checked its segment.
  loaded: { vm: ReturnType<typeof toCaseViewModel>; done: string | undefined; assignment: TCaseAssignmentBarView };
  // The segment's own "Tomar"/"Liberar" actions: each segment re-checks its role in its actions file.
  assign: { take: TStaffFormAction; release: TStaffFormAction };
  reissueLinks: TReissueLinks;
  // Shown under the re-issue notice, above the assignment bar (the director's "devuelta a su firma").
  notice?: ReactNode;
  // The sticky right-hand column: what this segment reads while it acts (scans, certification, document).
  aside: { headingId: string; heading: ReactNode; content: ReactNode };
  // Between the two columns and the timeline (the director's folded scans).
  after?: ReactNode;
  // The left-hand column: the actions and the data, in the order each segment reads them.
  children: ReactNode;
};

// The frame every staff case view shares: the notice of what was just done, the header with its
// re-issue note and assignment bar, two columns (the work and what it is done on) and the timeline.
// It renders only: each page checks its segment and loads the case (loadStaffCase) before it.
export function StaffCaseFrame({ segment, loaded: { vm, done, assignment }, assign, reissueLinks, notice, aside, after, children }: TStaffCaseFrameProps) {
  return (
    <>
      <DoneNotice action={done} />
      <StaffCaseHeader c={vm.header} backHref={`/${segment}`} backLabel="Volver a la bandeja">
        {/* A corrected re-issue: which certification it corrects and what must be checked again. */}
        <ReissueOfNotice links={reissueLinks} href={(id) => `/${segment}/casos/${encodeURIComponent(id)}`} showNote />
        {notice}
        <CaseAssignmentBar caseId={vm.id} view={assignment} take={assign.take} release={assign.release} />
      </StaffCaseHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">{children}</div>
        <section aria-labelledby={aside.headingId} className="space-y-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <h2 id={aside.headingId} className="text-xl font-semibold">
            {aside.heading}
          </h2>
          {aside.content}
        </section>
      </div>
      {after}
      <div className="mt-10">
        <CaseTimeline events={vm.events} showActors />
      </div>
    </>
  );
}
