import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { requireSegment } from "@/lib/auth/require-segment";
import { SwornTranslationEditor } from "../../_components/sworn-translation-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";

export const metadata: Metadata = { title: "Nueva solicitud: certificación de traducción jurada" };

// D.3, a blank form: the case is created by the first save.
export default async function NewSwornTranslationPage() {
  await requireSegment("ciudadano");
  return (
    <>
      <PageHeading title="Certificación de traducción jurada" eyebrow="Nueva solicitud">
        <p>
          Atención al Ciudadano certifica que la traducción fue hecha por un traductor jurado inscrito en el registro del Ministerio de Educación y autorizado
          para el idioma. Suba solo la traducción, no los documentos originales. Todo se guarda automáticamente como borrador.
        </p>
      </PageHeading>
      <section aria-labelledby="formulario">
        {/* The same heading as a draft's own page, so the form's sections (h3) sit under an h2. */}
        <h2 id="formulario" className="mb-4 text-2xl font-semibold">
          Complete su solicitud
        </h2>
        <SwornTranslationEditor initial={NEW_REQUEST} />
      </section>
      <p className="mt-8">
        <Link href="/ciudadano">Volver a mis trámites</Link>
      </p>
    </>
  );
}
