"use client";

import { useEffect, useState, type MouseEvent } from "react";
import { buttonClasses } from "@/components/ui/button";

// "Firmar seleccionadas" under the queue: how many rows are ticked, and a clear refusal over the
// batch limit before the review screen is even opened (which refuses it again on the server).
export function BatchSigningButton({ formId, max }: { formId: string; max: number }) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const boxes = () => Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${formId}"]`));
    const update = () => setCount(boxes().filter((b) => b.checked).length);
    update();
    document.addEventListener("change", update);
    return () => document.removeEventListener("change", update);
  }, [formId]);
  const tooMany = count > max;
  function onClick(event: MouseEvent<HTMLButtonElement>) {
    if (count === 0 || tooMany) event.preventDefault();
  }
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" onClick={onClick} aria-disabled={count === 0 || tooMany} aria-describedby="batch-signing-count" className={buttonClasses("primary")}>
          Firmar seleccionadas
        </button>
        <span id="batch-signing-count" aria-live="polite" data-testid="batch-count">
          {count === 0 ? "Marque las solicitudes que desea firmar." : `${count} ${count === 1 ? "solicitud seleccionada" : "solicitudes seleccionadas"}.`}
        </span>
      </div>
      {tooMany ? (
        <p role="alert" className="font-semibold text-red-800" data-testid="batch-too-many">
          Se pueden firmar hasta {max} solicitudes por lote. Quite {count - max} de la selección.
        </p>
      ) : null}
    </>
  );
}
