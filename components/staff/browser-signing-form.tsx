"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { CertificateFields, useCertificate } from "./certificate-fields";
import { OutdatedNotice } from "./outdated-notice";
import { signCaseInBrowser, type TSigningActions } from "./sign-case-in-browser";

// Signing one case with the person's own certificate, IN THE BROWSER (issue #13): the .p12 is
// opened here with its passphrase, the server sends the signed attributes of the prepared
// document, the key signs them here and only the signature value goes back. The form never posts
// natively (no action, inputs without names, submit prevented), so the file and the passphrase
// cannot reach the server even by accident. A refusal appears next to the field it concerns
// (certificate problems next to the file, a wrong passphrase next to it), the rest in the alert;
// a changed case offers the page as it is now; the typed passphrase stays after a server refusal.
export function BrowserSigningForm({
  caseId,
  version,
  label,
  pendingLabel = "Firmando…",
  pageHref,
  doneHref,
  intro,
  actions,
}: {
  caseId: string;
  version: number;
  label: string;
  pendingLabel?: string;
  pageHref: string;
  // Where to go once signed (the case page with ?hecho=…), in place of this page in the history.
  doneHref: string;
  intro?: string;
  actions: TSigningActions;
}) {
  const router = useRouter();
  const certificate = useCertificate();
  const [failure, setFailure] = useState<{ message: string; code: string } | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  // Until hydrated the button stays disabled: a click before that would submit the form natively.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  // One signing at a time: a double click's second submit is dropped here.
  const inFlight = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    let signed = false;
    setBusy(true);
    setFailure(null);
    certificate.clearErrors();
    try {
      setStatus("Abriendo el certificado en esta computadora…");
      const opened = await certificate.open();
      if (!opened) {
        setFailure({ message: "Revise el certificado y su contraseña.", code: "CERTIFICATE" });
        setStatus("");
        return;
      }
      setStatus("Firmando la certificación…");
      const result = await signCaseInBrowser(opened, { caseId, expectedVersion: version }, actions);
      if (result.ok) {
        // The form stays disabled while the page opens again: the case has moved on.
        signed = true;
        setStatus("Firmada. Abriendo la solicitud…");
        // Replace, not push: the page with the sign form leaves the tab's history, so Back goes to
        // where the person came from (the queue), never to the form of a case already signed.
        router.replace(doneHref);
        return;
      }
      certificate.showServerErrors(result.fieldErrors);
      setFailure({ message: result.formError, code: result.code });
      setStatus("");
    } finally {
      if (!signed) {
        inFlight.current = false;
        setBusy(false);
      }
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={label} autoComplete="off">
      <FormAlert id="sign-form-error" title="No se firmó" message={failure?.message} />
      <OutdatedNotice code={failure?.code} href={pageHref} />
      {intro ? <p>{intro}</p> : null}
      <CertificateFields {...certificate.fields} disabled={busy} />
      <p role="status" aria-live="polite" className="text-slate-800" data-testid="signing-status">
        {status}
      </p>
      <button type="submit" disabled={!ready || busy} aria-disabled={!ready || busy} className={buttonClasses("primary")}>
        {busy ? pendingLabel : label}
      </button>
    </form>
  );
}
