import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getActor } from "@/lib/auth/get-actor";
import { homePathFor, SEGMENT_LABELS, segmentsFor } from "@/lib/auth/roles";
import { accessRolesOf } from "@/lib/auth/session-user";

const PROCEDURES = [
  { title: "Expediente educativo", text: "Certificados de estudio, diplomas, cierre de pensum y certificación general de cursos, escolares o extraescolares." },
  { title: "Expediente de graduación (1974–1996)", text: "El expediente que le entrega firmado el Archivo Documental del Ministerio." },
  { title: "Título de diversificado", text: "Títulos escolares y extraescolares, con el sello de registro de la Contraloría General de Cuentas." },
  { title: "Traducciones juradas", text: "Certificación de traducciones hechas por un traductor jurado registrado, y registro de traductores." },
];

export default async function HomePage() {
  const actor = await getActor();
  const home = actor ? homePathFor(accessRolesOf(actor)) : null;
  const firstSegment = actor ? segmentsFor(accessRolesOf(actor))[0] : undefined;
  return (
    <div className="space-y-12">
      <section aria-labelledby="hero-heading" className="max-w-3xl space-y-5">
        <h1 id="hero-heading" className="text-3xl font-bold tracking-tight sm:text-5xl">
          Certifique sus documentos educativos en línea
        </h1>
        <p className="text-lg text-slate-700 sm:text-xl">
          Suba los escaneos de sus documentos de estudio. La Dirección Departamental de Educación los verifica y los firma con
          firma electrónica avanzada; Atención al Ciudadano los certifica. Usted descarga un solo PDF, con un código QR que
          cualquiera puede verificar, listo para apostillar.
        </p>
        {actor ? (
          <div className="flex flex-wrap gap-3">
            {home && home !== "/" && firstSegment ? <ButtonLink href={home}>Ir a {SEGMENT_LABELS[firstSegment]}</ButtonLink> : null}
          </div>
        ) : (
          <div className="flex flex-wrap gap-3">
            <ButtonLink href="/ingresar">Ingresar</ButtonLink>
            <ButtonLink href="/registro" variant="secondary">
              Crear una cuenta
            </ButtonLink>
          </div>
        )}
      </section>

      <section aria-labelledby="procedures-heading" className="space-y-4">
        <h2 id="procedures-heading" className="text-2xl font-semibold">
          Qué puede certificar
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {PROCEDURES.map((p) => (
            <li key={p.title}>
              <Card as="div" className="h-full">
                <h3 className="text-lg font-semibold">{p.title}</h3>
                <p className="mt-1 text-slate-700">{p.text}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="verify-heading" className="max-w-3xl space-y-2">
        <h2 id="verify-heading" className="text-2xl font-semibold">
          ¿Le entregaron un documento certificado?
        </h2>
        <p className="text-slate-700">
          Escanee su código QR o <Link href="/verificar">verifique el documento con su código</Link> para comprobar que lo
          emitió el Ministerio de Educación y que no fue modificado.
        </p>
      </section>
    </div>
  );
}
