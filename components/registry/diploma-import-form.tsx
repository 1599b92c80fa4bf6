"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { FieldErrors } from "@/components/ui/field-errors";
import { FieldHint } from "@/components/ui/field-frame";
import { FormAlert } from "@/components/ui/form-alert";
import { checkDiplomaCsvFile, DIPLOMA_CSV_ACCEPT, DIPLOMA_CSV_MESSAGES, MAX_DIPLOMA_CSV_MB } from "@/lib/registry/check-diploma-csv-file";
import type { TDiplomaImportResponseBody } from "@/lib/registry/handle-diploma-import-request";

type TResult = Extract<TDiplomaImportResponseBody, { ok: true }>["result"];
// `fileErrors` go next to the file field (and as links in the alert); `message` heads the alert.
type TFailure = { message: string; fileErrors: readonly string[] };

const FIELD_ID = "csv-file";

// Sends the chosen CSV as the raw body of one request (streamed by the server, never held whole
// in a server action), then shows the counts and the link to the report of rejected rows. The
// file is checked here first (name, empty, the 200 MB limit) with the server's own rules and
// words, so a file the server would refuse is never uploaded. The form is not reset after a
// refusal: the chosen file stays chosen, to import again once the problem is solved.
export function DiplomaImportForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<TFailure | null>(null);
  const [result, setResult] = useState<TResult | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setFailure(null);
    const refusal = checkDiplomaCsvFile(file);
    if (!file || refusal) {
      setFailure({ message: "Revise el archivo elegido.", fileErrors: [refusal ?? DIPLOMA_CSV_MESSAGES.missing] });
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
      if (!body) setFailure({ message: "No se pudo importar el archivo. Inténtelo de nuevo en unos minutos.", fileErrors: [] });
      else if (!body.ok) setFailure({ message: body.message, fileErrors: body.fieldErrors?.file ?? [] });
      else {
        setResult(body.result);
        router.refresh();
      }
    } catch {
      setFailure({ message: "No se pudo enviar el archivo: revise su conexión e inténtelo de nuevo.", fileErrors: [] });
    } finally {
      setPending(false);
    }
  }

  const fileErrors = failure?.fileErrors ?? [];
  const errorId = fileErrors.length > 0 ? `${FIELD_ID}-error` : null;

  return (
    <div className="space-y-5">
      <FormAlert message={failure?.message} title="No se importó el archivo" items={fileErrors.map((text) => ({ field: FIELD_ID, text }))} />
      <form onSubmit={submit} noValidate className="space-y-4">
        <div className="space-y-1">
          <label htmlFor={FIELD_ID} id={`${FIELD_ID}-label`} className="block font-semibold text-slate-900">
            Archivo CSV del registro de títulos
          </label>
          <FieldHint id={FIELD_ID}>
            Un archivo .csv de hasta {MAX_DIPLOMA_CSV_MB} MB, guardado desde la hoja de cálculo como «CSV UTF-8», separado por punto y coma o por comas. Puede importar el mismo archivo varias veces: lo ya registrado no cambia.
          </FieldHint>
          <FieldErrors id={FIELD_ID} errors={fileErrors} />
          <FilePicker
            inputRef={input}
            id={FIELD_ID}
            labelledBy={`${FIELD_ID}-label`}
            name="file"
            accept={DIPLOMA_CSV_ACCEPT}
            required
            disabled={pending}
            invalid={errorId !== null}
            describedBy={[`${FIELD_ID}-hint`, errorId].filter(Boolean).join(" ")}
            onChange={() => setFailure(null)}
            buttonText="Elegir archivo CSV"
            showSize
          />
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
