import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { QUEUE_SEGMENTS, listQueueActionableStates, queueStatesFor } from "@/lib/cases/list-case-queue";
import { appUrl } from "@/lib/http/app-url";
import type { TStaffDigestDue } from "@/lib/mail/templates/staff-digest-mail";
import { formatGuatemalaDate } from "@/lib/service-levels/format-due-date";
import { findCasesNearTarget } from "@/lib/service-levels/find-cases-near-target";
import { loadServiceLevels } from "@/lib/service-levels/load-service-levels";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import type { TDigestActor } from "./collect-staff-digest";

// The digest names the most urgent ones; the queue's «Plazo» column has them all.
const DUE_LIMIT = 20;

// The digest's "Vencidas o por vencer": cases past or near their stage's target (decision 0022)
// in the stages this person acts on now ("Requiere mi acción", with their roles, office and
// delegations), their own DIDEDUC's in a departmental queue, every DIDEDUC's centrally.
export async function findDueCasesForDigest(db: PrismaClient, actor: TDigestActor, now: Date): Promise<TStaffDigestDue[]> {
  const serviceLevels = await loadServiceLevels(db);
  const seen = new Set<string>();
  const out: TStaffDigestDue[] = [];
  for (const segment of QUEUE_SEGMENTS) {
    const actionable = await listQueueActionableStates(db, { actor, segment }, queueStatesFor(segment, actor.roles), now);
    const stages = actionable.flatMap(([procedure, states]) => states.map((state) => ({ procedure, state })));
    if (stages.length === 0) continue;
    const due = await findCasesNearTarget(db, { dideducId: segment === "atencion" ? undefined : actor.dideducId, stages, now, limit: DUE_LIMIT, serviceLevels });
    for (const c of due) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const overdue = c.status.state === "OVERDUE";
      out.push({
        number: c.number,
        procedureLabel: PROCEDURE_LABELS[c.procedure],
        stateLabel: STATE_LABELS[c.state],
        dueLabel: `${overdue ? "venció el" : "vence el"} ${formatGuatemalaDate(c.status.dueDate)}`,
        overdue,
        url: appUrl(`/${segment}/casos/${encodeURIComponent(c.id)}`),
      });
    }
  }
  return out.slice(0, DUE_LIMIT);
}
