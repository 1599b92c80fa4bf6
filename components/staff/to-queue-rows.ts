import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { serviceLevelStatus, type TIsoDate } from "@/lib/service-levels/business-days";
import { targetKey } from "@/lib/service-levels/service-level-stages";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { heldByText } from "@/lib/cases/assignment/assignment-rule";
import { studentNamesOf } from "@/lib/cases/case-search-terms";
import type { TQueueRow } from "./case-queue";

type TRowLike = {
  id: string;
  number: string;
  procedure: Procedure;
  state: CaseState;
  submittedAt: Date | null;
  // When the case entered its current state (listCaseQueue); unknown elsewhere.
  stageSince?: Date | null;
  lastNote: string | null;
  formData: unknown;
  applicant: { name: string };
  dideduc: { name: string } | null;
  // Who holds the case ("Tomar"), from listCaseQueue.
  holder?: { name: string; takenAt: Date; idle: boolean; mine: boolean } | null;
};

// "En revisión por Lucía X. desde las 09:00." in text (not colour alone); an idle holder's case says
// it may be taken.
function holderText(h: TRowLike["holder"]): string | null {
  if (!h) return null;
  if (h.mine) return "Usted la está revisando.";
  return h.idle ? `${heldByText(h.name, h.takenAt)} Sin actividad reciente: puede tomarla.` : heldByText(h.name, h.takenAt);
}

// The names as the search words read them (a submitted D.2.2: the title registry's, decision 0027).
function studentName(formData: unknown): string | null {
  return studentNamesOf(formData).map((n) => n.trim()).filter(Boolean).join(" ") || null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Whole calendar days from `since` to `now` (service levels in business days are another matter).
function daysSince(since: Date | null, now: Date): number | null {
  return since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS)) : null;
}

// Targets ("PROCEDURE:STATE" → business days) and holidays, loaded once per request
// (lib/service-levels/load-service-levels.ts): each row's status is computed here, no query per row.
type TServiceLevelsLike = { targets: ReadonlyMap<string, number>; holidays: ReadonlySet<TIsoDate> };

export function toQueueRows(rows: readonly TRowLike[], now: Date = new Date(), serviceLevels?: TServiceLevelsLike): TQueueRow[] {
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    procedureLabel: PROCEDURE_LABELS[r.procedure],
    state: r.state,
    personName: studentName(r.formData) ?? r.applicant.name,
    applicantName: r.applicant.name,
    dideducName: r.dideduc?.name ?? null,
    submittedAt: r.submittedAt,
    daysInStage: daysSince(r.stageSince ?? null, now),
    daysTotal: daysSince(r.submittedAt, now),
    lastNote: r.lastNote,
    heldBy: holderText(r.holder),
    serviceLevel: serviceLevels
      ? serviceLevelStatus(r.stageSince ?? null, serviceLevels.targets.get(targetKey(r.procedure, r.state)), serviceLevels.holidays, now)
      : null,
  }));
}
