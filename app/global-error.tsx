"use client";

// Replaces the root layout when the layout itself fails (e.g. the header cannot read the
// session), so it brings its own <html> and plain styles.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="es-GT">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "2rem", color: "#0f172a", lineHeight: 1.6 }}>
        <main style={{ maxWidth: "40rem" }} role="alert">
          <p style={{ margin: 0 }}>Ministerio de Educación — Guatemala · Certifica</p>
          <h1>Ocurrió un error inesperado</h1>
          <p>El servicio no está disponible en este momento. Intente de nuevo en unos minutos.</p>
          {error.digest ? (
            <p>
              Código de referencia: <code>{error.digest}</code>
            </p>
          ) : null}
          <button type="button" onClick={() => reset()} style={{ padding: "0.6rem 1rem", fontSize: "1rem" }}>
            Intentar de nuevo
          </button>
        </main>
      </body>
    </html>
  );
}
