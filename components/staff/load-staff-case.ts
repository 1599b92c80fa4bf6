import "server-only";
import { notFound } from "next/navigation";
import type { TSessionUser } from "@/lib/auth/session-user";
import { loadCaseAssignment } from "@/lib/cases/assignment/load-case-assignment";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import type { TQueueSegment } from "@/lib/cases/list-case-queue";
import type { TCaseAssignmentBarView } from "./case-assignment-bar";
import { toCaseViewModel } from "./to-case-view-model";

export type TStaffCasePageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// What every staff case page starts from, after the route checked its segment: the case as this
// person may see it, the action just done (?hecho=…), the page's own address, and who holds it
// ("Tomar"; opening the page is the holder's activity).
export async function loadStaffCase(actor: TSessionUser, segment: TQueueSegment, { params, searchParams }: TStaffCasePageProps) {
  const { id } = await params;
  const view = await getCaseForActor({ actor, caseId: id });
  // Unknown, or another office's: the same answer, so ids cannot be probed.
  if (!view) notFound();
  const vm = toCaseViewModel(view);
  const done = (await searchParams).hecho;
  const held = await loadCaseAssignment({ actor, caseRow: { id: vm.id, state: view.case.state, dideducId: view.case.dideducId } });
  // Anyone who has a button on the case may take it (the applicant's own steps never reach a staff page).
  const assignment: TCaseAssignmentBarView = { ...held, canAct: vm.actions.length > 0 };
  const pageHref = `/${segment}/casos/${encodeURIComponent(vm.id)}`;
  // What the case's action panel reads from it, whichever segment shows it.
  const panel = { caseId: vm.id, version: vm.version, actions: vm.actions, pageHref };
  return { vm, done: typeof done === "string" ? done : undefined, pageHref, assignment, panel };
}
