"use client";

import "./globals.css";

// Replaces the root layout when the layout itself fails (e.g. the header cannot read the
// session), so it brings its own <html>. Its styles come from the stylesheet, not style
// attributes: the Content-Security-Policy (proxy.ts) refuses inline styles in markup.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="es-GT">
      <body className="m-0 p-8 font-sans leading-relaxed text-slate-900">
        <main className="max-w-2xl" role="alert">
          <p className="m-0">Ministerio de Educación — Guatemala · Certifica</p>
          <h1 className="my-4 text-3xl font-bold">Ocurrió un error inesperado</h1>
          <p>El servicio no está disponible en este momento. Intente de nuevo en unos minutos.</p>
          {error.digest ? (
            <p className="my-4">
              Código de referencia: <code>{error.digest}</code>
            </p>
          ) : null}
          <button type="button" onClick={() => reset()} className="rounded-md border border-slate-400 px-4 py-2 text-base">
            Intentar de nuevo
          </button>
        </main>
      </body>
    </html>
  );
}
