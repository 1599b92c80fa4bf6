"use client";

import { useId, useState } from "react";
import { FilePicker } from "@/components/ui/file-picker";
import type { TLocale } from "@/lib/i18n/locale";
import type { TVerificationTexts } from "@/lib/i18n/texts/verification";

type TAnswer = { matches: boolean; status: string; message: { es: string; en: string } };
type TResult =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "answered"; name: string; sha256: string; answer: TAnswer }
  | { kind: "error"; message: string };

// Hashes the chosen file in the browser (Web Crypto) and sends only the hash to the compare API:
// the file never leaves the device, so a holder abroad can check a copy without uploading a
// personal document anywhere, and the check is recorded in the holder's verification log.
async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function CompareFile({ code, locale, texts }: { code: string; locale: TLocale; texts: TVerificationTexts["compare"] }) {
  const inputId = useId();
  const [result, setResult] = useState<TResult>({ kind: "idle" });

  async function onChange(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return setResult({ kind: "idle" });
    setResult({ kind: "working" });
    let sha256: string;
    try {
      if (!globalThis.crypto?.subtle) throw new Error("no-subtle");
      sha256 = await sha256Hex(file);
    } catch {
      return setResult({ kind: "error", message: texts.noCrypto });
    }
    try {
      const response = await fetch(`/api/v1/verificaciones/${encodeURIComponent(code)}/comparar`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sha256 }),
      });
      if (response.status === 429) return setResult({ kind: "error", message: texts.tooMany });
      if (!response.ok) return setResult({ kind: "error", message: texts.failed });
      setResult({ kind: "answered", name: file.name, sha256, answer: (await response.json()) as TAnswer });
    } catch {
      setResult({ kind: "error", message: texts.failed });
    }
  }

  const answered = result.kind === "answered" ? result : null;
  const valid = answered?.answer.matches && answered.answer.status === "issued";
  return (
    <section aria-labelledby={`${inputId}-title`} className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm sm:p-6">
      <h2 id={`${inputId}-title`} className="text-xl font-semibold">
        {texts.title}
      </h2>
      <p className="mt-2 text-slate-700">{texts.intro}</p>
      <label htmlFor={inputId} id={`${inputId}-label`} className="mt-4 block font-medium">
        {texts.label}
      </label>
      <div className="mt-2">
        <FilePicker id={inputId} labelledBy={`${inputId}-label`} accept="application/pdf,.pdf" onChange={onChange} buttonText={texts.choose} noneChosen={texts.noneChosen} />
      </div>
      <div aria-live="polite" className="mt-4">
        {result.kind === "working" ? <p>{texts.working}</p> : null}
        {answered ? (
          <div
            data-testid="compare-result"
            className={`rounded-md border-l-4 p-4 ${valid ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
          >
            <p className="font-semibold">{answered.answer.message[locale]}</p>
            <p className="mt-1">
              {texts.fileName} «{answered.name}»
            </p>
            {!answered.answer.matches ? (
              <p className="mt-1 break-all font-mono text-sm">
                {texts.chosenSha256} {answered.sha256}
              </p>
            ) : null}
          </div>
        ) : null}
        {result.kind === "error" ? <p className="text-red-900">{result.message}</p> : null}
      </div>
    </section>
  );
}
