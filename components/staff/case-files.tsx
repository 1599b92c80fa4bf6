import { formatFileSize, pagesText } from "@/components/cases/format-date";
import { fileTitle } from "@/components/cases/file-kind-labels";
import { PdfFrame } from "./pdf-frame";

export type TCaseFileItem = { id: string; originalName: string; pages: number | null; size: number | null; kind?: string };


// The scans the person uploaded, each shown inline through the scope-checked file route. A D.1.1
// file of one page whose back the person declared blank says so beside it (`blankBackFileIds`, the
// declaration stored in formData: "escaneados en PDF anverso y reverso").
export function CaseFiles({ files, blankBackFileIds = [] }: { files: readonly TCaseFileItem[]; blankBackFileIds?: readonly string[] }) {
  if (files.length === 0) return <p>La solicitud no tiene documentos adjuntos.</p>;
  return (
    <div className="space-y-6" data-testid="case-files">
      {files.map((f, i) => {
        const src = `/api/files/${encodeURIComponent(f.id)}`;
        const facts = [f.pages ? pagesText(f.pages) : null, f.size ? formatFileSize(f.size) : null].filter(Boolean);
        return (
          <div key={f.id} className="space-y-2">
            {blankBackFileIds.includes(f.id) ? (
              <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm text-amber-950" data-testid="blank-back-declaration">
                Una sola página: la persona declaró que el reverso de este documento está en blanco.
              </p>
            ) : null}
            <PdfFrame
              src={src}
              downloadHref={`${src}?descargar=1`}
              title={`Documento ${i + 1}: ${fileTitle(f.kind, f.originalName)}${facts.length ? ` (${facts.join(", ")})` : ""}`}
            />
          </div>
        );
      })}
    </div>
  );
}
