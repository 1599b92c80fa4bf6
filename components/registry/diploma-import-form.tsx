"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { TDiplomaImportResponseBody } from "@/lib/registry/handle-diploma-import-request";

type TResult = Extract<TDiplomaImportResponseBody, { ok: true }>["result"];

// Sends the chosen CSV as the raw body of one request (streamed by the server, never held whole
// in a server action), then shows the counts and the link to the report of rejected rows.
export function DiplomaImportForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TResult | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setError(null);
    if (!file) {
      setError("Elija el archivo CSV que desea importar.");
      return;
    }
    setPending(true);
    try {
      const response = await fetch("/admin/titulos/subir", {
        method: "POST",
        headers: { "Content-Type": "text/csv", "x-file-name": encodeURIComponent(file.name) },
        body: file,
      });
      const body = (await response.json().catch(() => null)) as TDiplomaImportResponseBody | null;
      if (!body) setError("No se pudo importar el archivo. Inténtelo de nuevo en unos minutos.");
      else if (!body.ok) setError(body.message);
      else {
        setResult(body.result);
        router.refresh();
      }
    } catch {
      setError("No se pudo enviar el archivo: revise su conexión e inténtelo de nuevo.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-5">
      <FormAlert message={error} title="No se importó el archivo" />
      <form onSubmit={submit} className="space-y-4" aria-describedby="csv-file-hint">
        <div className="space-y-1">
          <label htmlFor="csv-file" className="block font-semibold text-slate-900">
            Archivo CSV del registro de títulos
          </label>
          <p id="csv-file-hint" className="text-sm text-slate-700">
            Guardado desde la hoja de cálculo como «CSV UTF-8», separado por punto y coma o por comas. Puede importar el mismo archivo varias veces: lo ya registrado no cambia.
          </p>
          <input ref={input} id="csv-file" name="file" type="file" accept=".csv,text/csv" required className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2" />
        </div>
        <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses("primary")}>
          {pending ? "Importando…" : "Importar archivo"}
        </button>
      </form>

      {result ? (
        <section aria-labelledby="import-result-heading" role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-950" data-testid="import-result">
          <h3 id="import-result-heading" className="font-semibold">
            Importación terminada{result.fileName ? `: ${result.fileName}` : ""}
          </h3>
          <dl className="mt-2 grid grid-cols-[auto_auto] justify-start gap-x-6 gap-y-1">
            <dt>Filas leídas</dt>
            <dd data-testid="count-rows">{result.rows}</dd>
            <dt>Títulos nuevos registrados</dt>
            <dd data-testid="count-created">{result.created}</dd>
            <dt>Ya registrados, sin cambios</dt>
            <dd data-testid="count-unchanged">{result.unchanged}</dd>
            {result.completed > 0 ? (
              <>
                <dt>Ya registrados, completados con el CUI o la fecha de nacimiento</dt>
                <dd data-testid="count-completed">{result.completed}</dd>
              </>
            ) : null}
            <dt>Filas rechazadas</dt>
            <dd data-testid="count-rejected">{result.rejected}</dd>
            {result.conflicts > 0 ? (
              <>
                <dt>De ellas, números ya registrados con otros datos (no se reemplazaron)</dt>
                <dd data-testid="count-conflicts">{result.conflicts}</dd>
              </>
            ) : null}
          </dl>
          {result.created === 0 && result.completed === 0 && result.rejected === 0 ? <p className="mt-2">El registro no cambió: todas las filas ya estaban registradas.</p> : null}
          {result.reportUrl ? (
            <div className="mt-3 space-y-2">
              <a href={result.reportUrl} download className="font-semibold text-brand-800 underline">
                Descargar informe de filas rechazadas
              </a>
              <p className="text-sm">El informe trae cada fila rechazada con su número de línea y el motivo; corríjalas en él y vuelva a importarlo.</p>
              <ul className="list-disc space-y-1 pl-6 text-sm" aria-label="Primeras filas rechazadas">
                {result.rejectedSample.slice(0, 10).map((r) => (
                  <li key={r.line}>
                    Línea {r.line}
                    {r.registrationNumber ? ` (${r.registrationNumber})` : ""}: {r.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
