import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Nueva solicitud" };

// The procedures a citizen may start. Only those whose form exists get a link (one entry each,
// taken off COMING when it lands); the others are named so people know they are coming.
const AVAILABLE = [
  {
    href: "/ciudadano/solicitudes/nueva/expediente-educativo",
    title: "Expediente educativo",
    text: "Certificación de certificados de estudio, diplomas, cierre de pensum o certificación general de cursos, escolar o extraescolar. La revisa la Dirección Departamental de Educación donde estudió.",
  },
  {
    href: "/ciudadano/solicitudes/nueva/expediente-de-graduacion",
    title: "Expediente de graduación (1974–1996)",
    text: "Certificación del expediente de graduación que le envió firmado el Archivo Documental del Ministerio de Educación. La revisa Atención al Ciudadano.",
  },
  {
    href: "/ciudadano/solicitudes/nueva/titulo-antes-de-2005",
    title: "Título de diversificado escolar antes de 2005 o extraescolar",
    text: "Certificación de su título de diversificado de educación escolar obtenido antes de 2005, o de educación extraescolar de cualquier año, con el sello de registro de la Contraloría General de Cuentas. Lo revisa la Dirección Departamental de Educación donde estudió.",
  },
  {
    href: "/ciudadano/solicitudes/nueva/titulo-desde-2005",
    title: "Título de diversificado escolar de 2005 en adelante",
    text: "Certificación de su título de diversificado de educación escolar de 2005 en adelante, con el número de registro que aparece en su esquina superior derecha: vea primero lo que tiene el registro de títulos del Ministerio. Lo revisa Atención al Ciudadano.",
  },
  {
    href: "/ciudadano/solicitudes/nueva/traduccion-jurada",
    title: "Certificación de traducción jurada",
    text: "Certificación de una traducción hecha por un traductor jurado inscrito en el registro del Ministerio. Suba solo la traducción y elija al traductor del registro. La revisa Atención al Ciudadano.",
  },
  {
    href: "/ciudadano/solicitudes/nueva/registro-traductor",
    title: "Registro de traductor jurado",
    text: "Para traductores jurados, con su misma cuenta: inscripción en el registro del Ministerio con la resolución o el acuerdo de su nombramiento, sellado por la Dirección Departamental. La revisa el Encargado de Atención al Ciudadano.",
  },
];

// Every procedure a citizen starts is online; a new one would be listed here until its form lands.
const COMING: string[] = [];

export default async function NewRequestPage() {
  await requireSegment("ciudadano");
  return (
    <>
      <PageHeading title="Nueva solicitud" eyebrow="Mis trámites">
        <p>Elija el trámite. Sus datos se guardan como borrador mientras escribe; puede enviarlo cuando esté completo.</p>
      </PageHeading>
      <ul className="grid gap-4 md:grid-cols-2">
        {AVAILABLE.map((p) => (
          <li key={p.href}>
            <Card as="article" className="h-full space-y-2">
              <h2 className="text-xl font-semibold">
                <Link href={p.href}>{p.title}</Link>
              </h2>
              <p>{p.text}</p>
            </Card>
          </li>
        ))}
      </ul>
      {COMING.length > 0 ? (
        <section aria-labelledby="proximamente" className="mt-8">
          <h2 id="proximamente" className="text-lg font-semibold">
            Próximamente en línea
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-700">
            {COMING.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-8">
        <Link href="/ciudadano">Volver a mis trámites</Link>
      </p>
    </>
  );
}
