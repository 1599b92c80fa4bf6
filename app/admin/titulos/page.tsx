import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/cases/format-date";
import { PageHeading } from "@/components/layout/page-heading";
import { DiplomaCsvColumns } from "@/components/registry/diploma-csv-columns";
import { DiplomaImportForm } from "@/components/registry/diploma-import-form";
import { RegistryPagination } from "@/components/registry/registry-pagination";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireSegment } from "@/lib/auth/require-segment";
import { DIPLOMA_SIGNATORY_LABELS } from "@/lib/registry/diploma-signatory";
import { listDiplomaImports } from "@/lib/registry/list-diploma-imports";
import { searchDiplomas } from "@/lib/registry/search-diplomas";
import { DataTable, EmptyNote, ListSection } from "@/components/ui/data-table";
import { paramText, type TPageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Registro de títulos" };

export default async function DiplomaRegistryPage({ searchParams }: { searchParams: TPageSearchParams }) {
  await requireSegment("admin");
  const params = await searchParams;
  const q = paramText(params.q).slice(0, 200);
  const pageNumber = Math.max(1, Math.min(100000, Number.parseInt(paramText(params.pagina), 10) || 1));
  const [list, imports] = await Promise.all([searchDiplomas({ q, page: pageNumber, pageSize: 25 }), listDiplomaImports(5)]);

  return (
    <>
      <PageHeading eyebrow="Administración" title="Registro de títulos">
        <p>
          Títulos de diversificado registrados desde 2005. Con este registro, la persona que solicita la certificación de su título (escolar, 2005 en adelante) ve los datos de su título al
          escribir el número que aparece en su esquina superior derecha.
        </p>
      </PageHeading>

      <div className="space-y-8">
        <Card aria-labelledby="import-heading">
          <h2 id="import-heading" className="mb-4 text-2xl font-semibold">
            Importar desde un archivo CSV
          </h2>
          <div className="grid gap-8 lg:grid-cols-[1fr_1.2fr]">
            <DiplomaImportForm />
            <DiplomaCsvColumns />
          </div>
        </Card>

        {imports.length > 0 ? (
          <ListSection id="imports-heading" title="Últimas importaciones" className="space-y-3">
            <ul className="space-y-2" data-testid="import-history">
              {imports.map((i) => (
                <li key={i.auditEventId} className="rounded-md border border-slate-300 bg-white p-3">
                  <span className="font-semibold">{formatDateTime(i.at)}</span> — {i.fileName ?? "archivo sin nombre"}
                  {i.actorName ? `, por ${i.actorName}` : ""}: {i.rows} filas, {i.created} nuevas, {i.unchanged} sin cambios, {i.completed > 0 ? `${i.completed} completadas, ` : ""}{i.rejected} rechazadas
                  {i.failed ? " (interrumpida)" : ""}.
                  {i.hasReport ? (
                    <>
                      {" "}
                      <a href={`/admin/titulos/informe/${i.auditEventId}`} download className="text-brand-800 underline">
                        Informe de filas rechazadas
                      </a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </ListSection>
        ) : null}

        <section aria-labelledby="registry-heading" className="space-y-4">
          <h2 id="registry-heading" className="text-xl font-semibold">
            Títulos registrados{" "}
            <span className="font-normal text-slate-700" data-testid="registry-total">
              ({list.total})
            </span>
          </h2>
          <form method="get" role="search" aria-label="Buscar en el registro de títulos" className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1 space-y-1">
              <label htmlFor="q" className="block font-semibold">
                Número de registro o nombre
              </label>
              <input id="q" name="q" defaultValue={q} maxLength={200} className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2" />
            </div>
            <button type="submit" className={buttonClasses("primary")}>
              Buscar
            </button>
            {q ? (
              <Link href="/admin/titulos" className={buttonClasses("ghost")}>
                Quitar búsqueda
              </Link>
            ) : null}
          </form>
          {list.rows.length === 0 ? (
            <EmptyNote>{q ? "Ningún título coincide con la búsqueda." : "El registro está vacío."}</EmptyNote>
          ) : (
            <DataTable testId="diploma-table" caption="Títulos registrados, por número de registro" columns={["Número", "Nombre", "Título", "Establecimiento", "Año", "DIDEDUC", "Firmado por"]}>
              {list.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="whitespace-nowrap px-3 py-2 font-semibold">
                    {r.registrationNumber}
                  </th>
                  <td className="px-3 py-2">{r.holderName}</td>
                  <td className="px-3 py-2">{r.degree}</td>
                  <td className="px-3 py-2">{r.school}</td>
                  <td className="px-3 py-2">{r.year}</td>
                  <td className="px-3 py-2">{r.dideducName ?? "—"}</td>
                  <td className="px-3 py-2">{DIPLOMA_SIGNATORY_LABELS[r.signedBy]}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <RegistryPagination basePath="/admin/titulos" query={{ q }} page={list.page} pageCount={list.pageCount} />
        </section>
      </div>
    </>
  );
}
