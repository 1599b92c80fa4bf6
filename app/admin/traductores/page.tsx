import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/cases/format-date";
import { PageHeading } from "@/components/layout/page-heading";
import { RegistryPagination } from "@/components/registry/registry-pagination";
import { TranslatorGenderForm } from "@/components/registry/translator-gender-form";
import { TranslatorStatusForm } from "@/components/registry/translator-status-form";
import { buttonClasses } from "@/components/ui/button";
import { requireSegment } from "@/lib/auth/require-segment";
import { listSwornTranslatorChanges } from "@/lib/registry/list-sworn-translator-changes";
import { searchSwornTranslators } from "@/lib/registry/search-sworn-translators";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";
import { setTranslatorActiveAction } from "./actions/set-translator-active";
import { setTranslatorGenderAction } from "./actions/set-translator-gender";
import { DataTable, EmptyNote, ListSection } from "@/components/ui/data-table";
import { paramText, type TPageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Registro de traductores jurados" };

export default async function SwornTranslatorsPage({ searchParams }: { searchParams: TPageSearchParams }) {
  await requireSegment("admin");
  const params = await searchParams;
  const q = paramText(params.q).slice(0, 200);
  const language = paramText(params.idioma).slice(0, 60);
  const page = Math.max(1, Math.min(10000, Number.parseInt(paramText(params.pagina), 10) || 1));
  const list = await searchSwornTranslators({ q, language, page, pageSize: 20, includeInactive: true });
  const changes = await listSwornTranslatorChanges(list.rows.map((r) => r.id));

  return (
    <>
      <PageHeading eyebrow="Administración" title="Registro de traductores jurados">
        <p>
          Los traductores jurados registrados (trámite de registro de traductor jurado). Solo los activos aparecen a quien solicita la certificación de una traducción jurada, y solo
          para los idiomas que tienen autorizados. Desactivar o reactivar pide un motivo, que queda en la bitácora. La forma de trato
          (traductora o traductor jurado) es la que la persona indicó al registrarse; las certificaciones la usan, y «sin indicar» imprime «traductor(a) jurado(a)».
        </p>
      </PageHeading>

      <form method="get" role="search" aria-label="Buscar traductores" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="q" className="block font-semibold">
            Nombre o número de registro
          </label>
          <input id="q" name="q" defaultValue={q} maxLength={200} className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2" />
        </div>
        <div className="space-y-1">
          <label htmlFor="idioma" className="block font-semibold">
            Idioma
          </label>
          <input id="idioma" name="idioma" defaultValue={language} maxLength={60} className="block w-48 rounded-md border-2 border-slate-600 bg-white px-3 py-2" />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Buscar
        </button>
        {q || language ? (
          <Link href="/admin/traductores" className={buttonClasses("ghost")}>
            Quitar búsqueda
          </Link>
        ) : null}
      </form>

      <ListSection id="translators-heading" title="Traductores" count={list.total} className="space-y-4">
        {list.rows.length === 0 ? (
          <EmptyNote>Ningún traductor coincide con la búsqueda.</EmptyNote>
        ) : (
          <DataTable testId="translator-table" caption="Traductores jurados registrados" columns={["Nombre", "Forma de trato", "Registro DIDEDUC", "Idiomas", "Acuerdo o resolución", "Estado", "Cambiar estado"]}>
            {list.rows.map((r) => {
              const change = changes.get(r.id);
              return (
                <tr key={r.id} className="border-t border-slate-200 align-top" data-testid="translator-row">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {r.name}
                    <span className="block text-sm font-normal text-slate-700">{describeSwornTranslator(r.gender).label}</span>
                  </th>
                  <td className="min-w-48 px-3 py-2">
                    <TranslatorGenderForm key={r.gender ?? "UNKNOWN"} translatorId={r.id} translatorName={r.name} gender={r.gender} action={setTranslatorGenderAction} />
                  </td>
                  <td className="px-3 py-2">
                    {r.dideducRegistrationNumber}
                    <span className="block text-sm text-slate-700">{r.dideduc.name}</span>
                  </td>
                  <td className="px-3 py-2">{r.languages.join(", ")}</td>
                  <td className="px-3 py-2">{r.appointmentResolution}</td>
                  <td className="px-3 py-2">
                    <span className={r.active ? "font-semibold text-green-800" : "font-semibold text-red-800"}>{r.active ? "Activo" : "Inactivo"}</span>
                    {change ? (
                      <span className="mt-1 block text-sm text-slate-700">
                        {change.active ? "Reactivado" : "Desactivado"} el {formatDateTime(change.at)}
                        {change.actorName ? ` por ${change.actorName}` : ""}: {change.reason}
                      </span>
                    ) : null}
                  </td>
                  <td className="min-w-56 px-3 py-2">
                    <TranslatorStatusForm translatorId={r.id} translatorName={r.name} active={r.active} action={setTranslatorActiveAction} />
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <RegistryPagination basePath="/admin/traductores" query={{ q, idioma: language }} page={list.page} pageCount={list.pageCount} />
      </ListSection>
    </>
  );
}
