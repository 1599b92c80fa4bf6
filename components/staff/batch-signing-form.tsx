"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { CertificateFields, useCertificate } from "./certificate-fields";
import { OUTDATED_CODES } from "./form-action";
import { signCaseInBrowser, type TSigningActions } from "./sign-case-in-browser";

export type TBatchItem = { caseId: string; number: string; version: number };
type TBatchResult = { caseId: string; number: string; ok: boolean; message: string };

const CHANGED_MEANWHILE = "La solicitud cambió mientras tanto (otra persona la modificó o ya no espera su firma): no se firmó. Ábrala para ver su estado actual.";

// A batch signature (issue #13): the certificate opened once in this tab, its passphrase typed
// once, then each case signed in turn with the same client code as the case page
// (signCaseInBrowser: its own prepare → sign → complete, so its own PAdES signature, transition
// and audit event), each against the version the review screen read. A refusal is recorded and
// the next case goes on; at the end the summary lists every case with its result and reason.
export function BatchSigningForm({
  items,
  label,
  caseHrefBase,
  backHref,
  actions,
}: {
  items: readonly TBatchItem[];
  label: string;
  caseHrefBase: string;
  backHref: string;
  actions: TSigningActions;
}) {
  const certificate = useCertificate();
  const [phase, setPhase] = useState<"idle" | "signing" | "done">("idle");
  const [current, setCurrent] = useState(0);
  const [results, setResults] = useState<TBatchResult[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [signMs, setSignMs] = useState<number[]>([]);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const inFlight = useRef(false);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (phase === "done") summaryHeading.current?.focus();
  }, [phase]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || phase !== "idle") return;
    inFlight.current = true;
    setFailure(null);
    certificate.clearErrors();
    try {
      const opened = await certificate.open();
      if (!opened) {
        setFailure("Revise el certificado y su contraseña. Todavía no se firmó ninguna solicitud.");
        return;
      }
      setPhase("signing");
      const done: TBatchResult[] = [];
      const times: number[] = [];
      for (const [i, item] of items.entries()) {
        setCurrent(i + 1);
        const result = await signCaseInBrowser(opened, { caseId: item.caseId, expectedVersion: item.version }, actions);
        if (result.ok) {
          times.push(result.signMs);
          done.push({ caseId: item.caseId, number: item.number, ok: true, message: result.state === "ISSUED" ? "Firmada y emitida." : "Firmada." });
        } else {
          const message = OUTDATED_CODES.has(result.code) ? CHANGED_MEANWHILE : result.formError;
          done.push({ caseId: item.caseId, number: item.number, ok: false, message });
        }
        setResults([...done]);
      }
      setSignMs(times);
      setPhase("done");
    } finally {
      inFlight.current = false;
    }
  }

  const signed = results.filter((r) => r.ok).length;
  const total = items.length;
  const progressText =
    phase === "signing" ? `Firmando ${current} de ${total}…` : phase === "done" ? `Terminado: ${signed} de ${total} firmadas.` : "";
  const averageMs = signMs.length ? signMs.reduce((a, b) => a + b, 0) / signMs.length : null;

  return (
    <div className="space-y-6">
      {phase === "idle" ? (
        <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={label} autoComplete="off">
          <FormAlert id="sign-form-error" title="No se firmó" message={failure} />
          <CertificateFields {...certificate.fields} />
          <button type="submit" disabled={!ready} aria-disabled={!ready} className={buttonClasses("primary")}>
            {label}
          </button>
        </form>
      ) : (
        <div className="space-y-2">
          {certificate.holder ? (
            <p data-testid="certificate-holder">
              <span className="font-semibold">Firmando como:</span> {certificate.holder.name}
            </p>
          ) : null}
          <label htmlFor="batch-progress" className="block font-semibold">
            Avance de la firma
          </label>
          <progress id="batch-progress" max={total} value={phase === "done" ? total : Math.max(current - 1, 0)} className="h-4 w-full" />
        </div>
      )}
      <p role="status" aria-live="polite" aria-atomic="true" data-testid="batch-progress-text">
        {progressText}
      </p>
      {phase === "done" ? (
        <section aria-labelledby="batch-summary-heading" className="space-y-3" data-testid="batch-summary" data-browser-sign-ms={averageMs?.toFixed(1)}>
          <h3 id="batch-summary-heading" ref={summaryHeading} tabIndex={-1} className="text-lg font-semibold">
            Resultado: {signed} de {total} {signed === 1 ? "firmada" : "firmadas"}
            {signed < total ? `, ${total - signed} sin firmar` : ""}
          </h3>
          <ul className="space-y-2">
            {results.map((r) => (
              <li key={r.caseId} data-testid="batch-result" data-case-number={r.number} data-ok={r.ok} className={r.ok ? "text-green-900" : "text-red-900"}>
                <a href={`${caseHrefBase}${encodeURIComponent(r.caseId)}`} className="font-semibold">
                  {r.number}
                </a>
                : <span className="font-semibold">{r.ok ? "Firmada" : "No se firmó"}</span> — {r.message}
              </li>
            ))}
          </ul>
          <p>
            <a href={backHref}>Volver a la bandeja</a>
          </p>
        </section>
      ) : null}
    </div>
  );
}
