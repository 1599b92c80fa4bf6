import type { CaseState } from "@/lib/generated/prisma/enums";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { cn } from "@/components/ui/cn";

const TONES: Partial<Record<CaseState, string>> = {
  DRAFT: "border-slate-500 bg-slate-50 text-slate-900",
  ISSUED: "border-green-700 bg-green-50 text-green-900",
  REGISTERED: "border-green-700 bg-green-50 text-green-900",
  REJECTED: "border-red-700 bg-red-50 text-red-900",
  REVOKED: "border-red-700 bg-red-50 text-red-900",
  NEEDS_CORRECTION: "border-amber-600 bg-amber-50 text-amber-950",
  WITHDRAWN: "border-slate-500 bg-slate-100 text-slate-900",
};

// The state as text in a bordered label: the words carry the meaning, the colour only helps.
export function CaseStateBadge({ state, className }: { state: CaseState; className?: string }) {
  return (
    <span
      className={cn(
        "inline-block rounded border px-2 py-0.5 text-sm font-semibold",
        TONES[state] ?? "border-brand-600 bg-brand-50 text-brand-900",
        className,
      )}
      data-state={state}
    >
      {STATE_LABELS[state]}
    </span>
  );
}
