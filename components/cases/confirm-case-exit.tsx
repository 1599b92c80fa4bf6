"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { failureOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteDraftCaseAction } from "@/app/ciudadano/actions/delete-draft-case";
import { withdrawCaseAction } from "@/app/ciudadano/actions/withdraw-case";

const TEXTS = {
  discard_draft: {
    open: "Eliminar borrador",
    question: (number: string) => `¿Eliminar el borrador ${number}?`,
    consequence: "Se borrarán los datos que escribió y los archivos que adjuntó. No se puede deshacer.",
    confirm: "Sí, eliminar el borrador",
    pending: "Eliminando…",
    failure: "No se eliminó el borrador",
  },
  withdraw: {
    open: "Retirar solicitud",
    question: (number: string) => `¿Retirar la solicitud ${number}?`,
    consequence: "Nadie la revisará y no podrá volver a enviarla; si después la necesita, tendrá que iniciar una nueva.",
    confirm: "Sí, retirar la solicitud",
    pending: "Retirando…",
    failure: "No se retiró la solicitud",
  },
} as const;

// The applicant's two ways out (decision 0020), each behind a confirmation that says what happens.
export function ConfirmCaseExit({ kind, caseId, caseNumber, version }: { kind: "discard_draft" | "withdraw"; caseId: string; caseNumber: string; version: number }) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useFormAction(kind === "discard_draft" ? deleteDraftCaseAction : withdrawCaseAction);
  const failure = failureOf(state);
  const questionId = useId();
  const t = TEXTS[kind];
  if (!open && !failure) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t.open}
      </Button>
    );
  }
  return (
    <form action={formAction} className="space-y-3 rounded-md border-2 border-red-700 p-4" role="group" aria-labelledby={questionId}>
      <FormAlert message={failure?.formError} title={t.failure} />
      <p id={questionId} className="font-semibold">
        {t.question(caseNumber)}
      </p>
      <p>{t.consequence}</p>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton variant="danger" pendingLabel={t.pending}>
          {t.confirm}
        </SubmitButton>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancelar
        </Button>
      </div>
    </form>
  );
}
