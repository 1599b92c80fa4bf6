import { cn } from "@/components/ui/cn";
import type { TServiceLevelState, TServiceLevelStatus } from "@/lib/service-levels/business-days";

// Spanish words first: the colour only helps (WCAG 1.4.1). Dark text on a light tint, ≥ 4.5:1.
const LABELS: Record<TServiceLevelState, string | null> = { OVERDUE: "Vencida", DUE_SOON: "Por vencer", ON_TIME: null };
const TONES: Record<TServiceLevelState, string> = {
  OVERDUE: "border-red-700 bg-red-50 text-red-900",
  DUE_SOON: "border-amber-600 bg-amber-50 text-amber-950",
  ON_TIME: "",
};

const DUE = new Intl.DateTimeFormat("es-GT", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

// The due date is a calendar day in Guatemala ("YYYY-MM-DD"): formatted at UTC midnight so no
// timezone moves it.
export function formatDueDate(day: string): string {
  return DUE.format(new Date(`${day}T00:00:00Z`));
}

// A queue row against its stage's target (decision 0022): «Vencida» or «Por vencer» as a label,
// and the due date; nothing when the stage has no target.
export function ServiceLevelBadge({ status }: { status: TServiceLevelStatus | null | undefined }) {
  if (!status) return <span className="text-slate-700">—</span>;
  const label = LABELS[status.state];
  const due = formatDueDate(status.dueDate);
  return (
    <span className="block" data-service-level={status.state}>
      {label ? <span className={cn("inline-block rounded border px-2 py-0.5 text-sm font-semibold", TONES[status.state])}>{label}</span> : null}
      <span className="block text-sm text-slate-700">
        {status.state === "OVERDUE" ? "Venció el " : "Vence el "}
        {due}
        <span className="sr-only"> (plazo de {status.target} días hábiles)</span>
      </span>
    </span>
  );
}
