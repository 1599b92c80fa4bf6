"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";

// Unexpected failures while rendering a page. The details stay in the server log; the digest is
// the reference that links this screen to that log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="max-w-2xl space-y-4" role="alert">
      <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold tracking-tight outline-none">
        Ocurrió un error inesperado
      </h1>
      <p className="text-lg text-slate-700">
        No pudimos mostrar esta página. Intente de nuevo en unos minutos. Si el problema continúa, comuníquese con Atención al
        Ciudadano{error.digest ? " e indique este código" : ""}.
      </p>
      {error.digest ? (
        <p>
          Código de referencia: <code className="rounded bg-slate-200 px-2 py-1 font-mono">{error.digest}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-4">
        <button
          type="button"
          onClick={() => reset()}
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Intentar de nuevo
        </button>
        <Link href="/" className="inline-flex min-h-11 items-center">
          Ir a la página de inicio
        </Link>
      </div>
    </div>
  );
}
