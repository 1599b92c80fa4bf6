"use client";

import type { ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";

// The frame of every request form: Enter in a field saves (sending is only ever the explicit
// button), a refused submission is summarized on top with links to the fields, and a copy restored
// from this browser is said so.
export function DraftForm({
  draft,
  isCorrection,
  formMessage,
  summaryItems,
  children,
}: {
  draft: { save: (force?: boolean) => Promise<boolean>; restored: boolean };
  isCorrection: boolean;
  formMessage: string | null;
  summaryItems: ReadonlyArray<{ field: string; text: string }>;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      className="space-y-8"
      aria-describedby="estado-guardado"
      onSubmit={(e) => {
        e.preventDefault();
        void draft.save(true);
      }}
    >
      <FormAlert message={formMessage} title={isCorrection ? "No se pudieron enviar las correcciones" : "No se pudo enviar la solicitud"} items={summaryItems} />

      {draft.restored ? (
        <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-brand-900">
          Recuperamos datos que escribió en este dispositivo y aún no se habían guardado.
        </p>
      ) : null}

      {children}
    </form>
  );
}
