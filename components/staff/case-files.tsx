import { formatFileSize, pagesText } from "@/components/cases/format-date";
import { fileTitle } from "@/components/cases/file-kind-labels";
import { PdfFrame } from "./pdf-frame";

export type TCaseFileItem = { id: string; originalName: string; pages: number | null; size: number | null; kind?: string };


// The scans the person uploaded, each shown inline through the scope-checked file route.
export function CaseFiles({ files }: { files: readonly TCaseFileItem[] }) {
  if (files.length === 0) return <p>La solicitud no tiene documentos adjuntos.</p>;
  return (
    <div className="space-y-6" data-testid="case-files">
      {files.map((f, i) => {
        const src = `/api/files/${encodeURIComponent(f.id)}`;
        const facts = [f.pages ? pagesText(f.pages) : null, f.size ? formatFileSize(f.size) : null].filter(Boolean);
        return (
          <PdfFrame
            key={f.id}
            src={src}
            downloadHref={`${src}?descargar=1`}
            title={`Documento ${i + 1}: ${fileTitle(f.kind, f.originalName)}${facts.length ? ` (${facts.join(", ")})` : ""}`}
          />
        );
      })}
    </div>
  );
}
