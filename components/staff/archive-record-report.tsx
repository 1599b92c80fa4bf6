import { formatDateTime, formatFileSize, pagesText } from "@/components/cases/format-date";
import { cn } from "@/components/ui/cn";
import type { TArchiveRecordReport } from "@/lib/cases/build-archive-record-report";
import { SignatureReport } from "./signature-report";

function Match({ ok, testId }: { ok: boolean | null; testId: string }) {
  const label = ok === null ? "Sin dato para comparar" : ok ? "Coincide" : "No coincide";
  return (
    <span
      className={cn("inline-flex items-start gap-2 font-semibold", ok === true ? "text-green-900" : ok === false ? "text-red-800" : "text-slate-700")}
      data-testid={testId}
      data-ok={ok === null ? "unknown" : ok}
    >
      {/* The symbol and the words carry the meaning; the colour only helps. */}
      <span aria-hidden="true">{ok === true ? "✔" : ok === false ? "✘" : "–"}</span>
      <span>{label}</span>
    </span>
  );
}

// D.1.2's automatic check for the central office: the signature report of the PDF the archive
// signed (the same checks as on a certification: intact, whole file, fingerprint, authorized
// archive signer valid when it signed), then the signer in the registry beside the name and post
// the citizen typed (accents, case and spacing ignored).
export function ArchiveRecordReport({ report }: { report: TArchiveRecordReport }) {
  return (
    <div className="space-y-6" data-testid="archive-record-report" data-ok={report.ok}>
      <p>
        Archivo subido por el usuario:{" "}
        <a href={`/api/files/${encodeURIComponent(report.file.id)}`} target="_blank" rel="noopener" className="font-semibold break-all">
          {report.file.name}
        </a>{" "}
        <span className="text-sm text-slate-700">
          ({pagesText(report.file.pages)}, {formatFileSize(report.file.size)}, subido el {formatDateTime(report.file.uploadedAt)})
        </span>
      </p>
      <SignatureReport report={report.signatures} />
      <section aria-labelledby="coincidencia-firmante" className="space-y-3">
        <h4 id="coincidencia-firmante" className="text-lg font-semibold">
          Firmante del Archivo y datos escritos por el usuario
        </h4>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="archive-signer-match">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="py-2 pr-4">Dato</th>
                <th scope="col" className="py-2 pr-4">Escrito por el usuario</th>
                <th scope="col" className="py-2 pr-4">Registro de firmantes autorizados</th>
                <th scope="col" className="py-2">Resultado</th>
              </tr>
            </thead>
            <tbody>
              <tr className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-semibold">Nombre</th>
                <td className="py-2 pr-4">{report.typed.name ?? "—"}</td>
                <td className="py-2 pr-4">{report.signer?.name ?? "—"}</td>
                <td className="py-2">
                  <Match ok={report.matches.name} testId="match-name" />
                </td>
              </tr>
              <tr className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-semibold">Puesto</th>
                <td className="py-2 pr-4">{report.typed.post ?? "—"}</td>
                <td className="py-2 pr-4">{report.signer?.post ?? "—"}</td>
                <td className="py-2">
                  <Match ok={report.matches.post} testId="match-post" />
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <p
          role="status"
          className={cn("rounded-md border-l-4 p-3 font-semibold", report.ok ? "border-green-700 bg-green-50 text-green-900" : "border-amber-600 bg-amber-50 text-amber-950")}
          data-testid="archive-record-summary"
        >
          {report.ok
            ? "El expediente está firmado por un firmante autorizado del Archivo Documental y coincide con el nombre y el puesto que escribió el usuario."
            : !report.signatureAccepted
              ? "La firma del Archivo no pasó la comprobación: no emita la certificación; pida al usuario que suba de nuevo el expediente tal como lo recibió."
              : "La firma del Archivo es válida, pero el nombre o el puesto escritos por el usuario no coinciden con el registro: compárelos con el documento antes de emitir, o pida la corrección."}
        </p>
      </section>
    </div>
  );
}
