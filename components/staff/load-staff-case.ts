import "server-only";
import { notFound } from "next/navigation";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import type { TQueueSegment } from "@/lib/cases/list-case-queue";
import { toCaseViewModel } from "./to-case-view-model";

export type TStaffCasePageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// What every staff case page starts from, after the route checked its segment: the case as this
// person may see it, the action just done (?hecho=…) and the page's own address.
export async function loadStaffCase(actor: TSessionUser, segment: TQueueSegment, { params, searchParams }: TStaffCasePageProps) {
  const { id } = await params;
  const view = await getCaseForActor({ actor, caseId: id });
  // Unknown, or another office's: the same answer, so ids cannot be probed.
  if (!view) notFound();
  const vm = toCaseViewModel(view);
  const done = (await searchParams).hecho;
  return { vm, done: typeof done === "string" ? done : undefined, pageHref: `/${segment}/casos/${encodeURIComponent(vm.id)}` };
}
