import Link from "next/link";

export function SiteFooter() {
  return (
    <footer lang="es-GT" className="mt-16 border-t border-slate-300 bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-slate-700 sm:grid-cols-2 sm:px-6">
        <div className="space-y-1">
          <p className="font-semibold text-slate-900">Ministerio de Educación de Guatemala</p>
          <p>Departamento de Atención al Ciudadano — DISERSA</p>
          <p>
            <Link href="/verificar">Verificar un documento certificado</Link>
          </p>
        </div>
        <div className="space-y-1">
          <p className="font-semibold text-slate-900">Privacidad</p>
          <p>
            Sus datos personales y los documentos que suba se usan solo para tramitar sus solicitudes de certificación, y los
            consulta únicamente el personal que interviene en el trámite.
          </p>
        </div>
      </div>
    </footer>
  );
}
