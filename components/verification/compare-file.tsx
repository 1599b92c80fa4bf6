"use client";

import { useId, useState } from "react";

type TResult = { kind: "idle" } | { kind: "working" } | { kind: "match"; name: string } | { kind: "mismatch"; name: string; sha256: string } | { kind: "error"; message: string };

// Hashes the chosen file in the browser (Web Crypto): the file never leaves the device, so a
// holder abroad can check a copy without uploading a personal document anywhere.
async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function CompareFile({ expectedSha256 }: { expectedSha256: string }) {
  const inputId = useId();
  const [result, setResult] = useState<TResult>({ kind: "idle" });

  async function onChange(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return setResult({ kind: "idle" });
    setResult({ kind: "working" });
    try {
      if (!globalThis.crypto?.subtle) throw new Error("no-subtle");
      const hex = await sha256Hex(file);
      setResult(hex === expectedSha256.toLowerCase() ? { kind: "match", name: file.name } : { kind: "mismatch", name: file.name, sha256: hex });
    } catch {
      setResult({ kind: "error", message: "Este navegador no pudo calcular la huella del archivo. Pruebe con un navegador actualizado." });
    }
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm sm:p-6">
      <h2 id={`${inputId}-title`} className="text-xl font-semibold">
        Comparar un archivo
      </h2>
      <p className="mt-2 text-slate-700">
        Elija el PDF que recibió para saber si es exactamente el documento emitido. El archivo se revisa en este dispositivo: no se envía a ningún servidor.
      </p>
      <label htmlFor={inputId} className="mt-4 block font-medium">
        Archivo PDF a comparar
      </label>
      <input id={inputId} type="file" accept="application/pdf,.pdf" onChange={onChange} className="mt-2 block w-full text-base" />
      <div aria-live="polite" className="mt-4">
        {result.kind === "working" ? <p>Calculando la huella del archivo…</p> : null}
        {result.kind === "match" ? (
          <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-4 font-semibold text-green-900">
            El archivo «{result.name}» coincide: es exactamente el documento emitido.
          </p>
        ) : null}
        {result.kind === "mismatch" ? (
          <div className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900">
            <p className="font-semibold">El archivo «{result.name}» no coincide con el documento emitido.</p>
            <p className="mt-1">Puede ser otro documento o una copia modificada. Descargue el original desde esta página.</p>
            <p className="mt-1 break-all font-mono text-sm">SHA-256 del archivo elegido: {result.sha256}</p>
          </div>
        ) : null}
        {result.kind === "error" ? <p className="text-red-900">{result.message}</p> : null}
      </div>
    </section>
  );
}
