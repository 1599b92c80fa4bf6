import "server-only";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { isTransitionError, TransitionError } from "@/lib/workflow/transition-error";
import { dbOf, type TDbOptions } from "./db-options";

// Refusals that mean "the page you acted from is outdated".
const OUTDATED_CODES: ReadonlySet<string> = new Set(["STALE_VERSION", "INVALID_STATE"]);

// Runs a staff operation on a case; when it is refused because the case changed and the case's
// latest event is this same person's (the browser's Back button showed the form again after they
// had signed, a second tab), the refusal says so instead of blaming "alguien más" (issue #14 §5).
// Anything else passes through untouched; nothing is retried.
export async function explainOwnRefusal<T>(who: { actorId: string; caseId: string }, run: () => Promise<T>, options: TDbOptions = {}): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!isTransitionError(e) || !OUTDATED_CODES.has(e.code)) throw e;
    const db = await dbOf(options);
    const [latest, current] = await Promise.all([
      db.auditEvent.findFirst({ where: { caseId: who.caseId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { actorId: true } }),
      db.case.findUnique({ where: { id: who.caseId }, select: { state: true } }),
    ]);
    if (!latest || latest.actorId !== who.actorId || !current) throw e;
    throw new TransitionError(e.code, ownActionMessage(STATE_LABELS[current.state]), e.fieldErrors);
  }
}

export function ownActionMessage(stateLabel: string): string {
  return `Usted ya actuó en esta solicitud: ahora está «${stateLabel}». La página que tenía abierta era anterior a su acción; ábrala en su estado actual.`;
}
