import Link from "next/link";

// Previous / next links that keep the search; "pagina" in the URL.
export function RegistryPagination({ basePath, query, page, pageCount }: { basePath: string; query: Record<string, string>; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    if (p > 1) params.set("pagina", String(p));
    const s = params.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav aria-label="Páginas" className="flex items-center gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} className="font-semibold text-brand-800 underline" rel="prev">
          Página anterior
        </Link>
      ) : null}
      <span aria-current="page">
        Página {page} de {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="font-semibold text-brand-800 underline" rel="next">
          Página siguiente
        </Link>
      ) : null}
    </nav>
  );
}
