// A PDF shown inside the page, with links for when the browser cannot show it inline (some phones,
// or a browser with PDF viewing turned off). The route it points at checks who may see the file,
// and lets only our own pages frame it (app/api/cases/pdf-response.ts). Sized by a class: the
// Content-Security-Policy refuses style attributes in the markup. Keyed by its address: a new
// document (the signed version after signing) gets a new frame, because changing a frame's src
// navigates the frame and adds an entry to the tab's history; Back then only took the frame back
// to the unsigned PDF and left the page as it was (issue #14 §5).
export function PdfFrame({ src, title, downloadHref }: { src: string; title: string; downloadHref?: string }) {
  return (
    <figure className="space-y-2">
      <iframe key={src} src={src} title={title} className="h-[min(42rem,80vh)] w-full rounded-md border border-slate-400 bg-slate-100" />
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold">{title}</span>
        <a href={src} target="_blank" rel="noopener">
          Abrir en otra pestaña
        </a>
        {downloadHref ? <a href={downloadHref}>Descargar</a> : null}
      </figcaption>
    </figure>
  );
}
