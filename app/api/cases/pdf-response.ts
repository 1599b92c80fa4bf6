import "server-only";

// The one way the download routes answer with a PDF: inline by default (the staff views embed it),
// as an attachment with ?descargar=1. Private and never cached: these files carry personal data,
// and a shared cache or the browser's back button must not keep them.

const PDF_HEADERS = {
  "Content-Type": "application/pdf",
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  // The file is shown inside our own pages (iframe/object); nobody else may frame it.
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Frame-Options": "SAMEORIGIN",
} as const;

// A name any browser and file system accepts: ASCII without separators or quotes in `filename`,
// the original UTF-8 in `filename*` (RFC 6266 / 5987).
export function contentDisposition(fileName: string, disposition: "inline" | "attachment"): string {
  const base = fileName.replace(/[\u0000-\u001f\u007f/\\]+/g, " ").trim() || "documento.pdf";
  const withExt = /\.pdf$/i.test(base) ? base : `${base}.pdf`;
  const ascii =
    withExt
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9._ -]+/g, "_")
      .replace(/\s+/g, "_")
      .slice(-150) || "documento.pdf";
  const encoded = encodeURIComponent(withExt).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function pdfResponse(
  body: Uint8Array | ReadableStream<Uint8Array>,
  options: { fileName: string; download?: boolean; size?: number; sha256?: string },
): Response {
  const headers = new Headers(PDF_HEADERS);
  headers.set("Content-Disposition", contentDisposition(options.fileName, options.download ? "attachment" : "inline"));
  const size = options.size ?? (body instanceof Uint8Array ? body.byteLength : undefined);
  if (size !== undefined) headers.set("Content-Length", String(size));
  // Lets a client check what it received against the file's recorded hash.
  if (options.sha256) headers.set("X-Content-SHA256", options.sha256);
  return new Response(body as BodyInit, { status: 200, headers });
}

// Unknown, out of scope and signed out look alike from outside: a 404 reveals nothing about which
// files or cases exist.
export function notFoundResponse(): Response {
  return new Response("No encontrado.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export function wantsDownload(url: string): boolean {
  const v = new URL(url).searchParams.get("descargar");
  return v === "1" || v === "true";
}
