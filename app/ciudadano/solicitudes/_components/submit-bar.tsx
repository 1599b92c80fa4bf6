"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

// The foot of every request form: the autosave status (the form's aria-describedby points here) and
// what the person can do next.
export function SubmitBar({ statusText, children }: { statusText: string; children: ReactNode }) {
  return (
    <div className="space-y-4 border-t border-slate-300 pt-6">
      <p id="estado-guardado" role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="save-status">
        {statusText}
      </p>
      {children}
    </div>
  );
}

// "Guardar borrador" submits the form (which saves); sending waits for uploads under way.
export function DraftButtons({
  draft,
  isCorrection,
  submitLabel = "Enviar solicitud",
  blockedReason,
}: {
  draft: { submitting: boolean; uploadsBusy: boolean; submit: () => Promise<void> };
  isCorrection: boolean;
  submitLabel?: string;
  // Why this request cannot be sent at all (the server refuses it too), said beside the button.
  blockedReason?: string | null;
}) {
  const busy = draft.submitting || draft.uploadsBusy || !!blockedReason;
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <Button type="submit" variant="secondary" disabled={draft.submitting}>
        Guardar borrador
      </Button>
      <Button type="button" onClick={() => void draft.submit()} disabled={busy} aria-disabled={busy}>
        {draft.submitting ? "Enviando…" : isCorrection ? "Enviar correcciones" : submitLabel}
      </Button>
      {blockedReason ? (
        <p className="text-sm font-semibold text-amber-950 sm:self-center" data-testid="submit-blocked">
          {blockedReason}
        </p>
      ) : null}
    </div>
  );
}
