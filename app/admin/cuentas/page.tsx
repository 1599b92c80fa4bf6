import type { Metadata } from "next";
import Link from "next/link";
import { StaffAccountCreateForm } from "@/components/admin/staff-account-create-form";
import { PageHeading } from "@/components/layout/page-heading";
import { RegistryPagination } from "@/components/registry/registry-pagination";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listDideducDirectory } from "@/lib/admin/list-dideduc-directory";
import { listStaffAccounts } from "@/lib/admin/list-staff-accounts";
import { STAFF_ROLES } from "@/lib/admin/staff-account-fields";
import { requireSegment } from "@/lib/auth/require-segment";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { DataTable, EmptyNote, ListSection } from "@/components/ui/data-table";
import { paramText, type TPageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Cuentas del personal" };

export default async function StaffAccountsPage({ searchParams }: { searchParams: TPageSearchParams }) {
  await requireSegment("admin");
  const params = await searchParams;
  const q = paramText(params.q).slice(0, 200);
  const role = paramText(params.rol);
  const dideducId = paramText(params.dideduc);
  const page = Math.max(1, Math.min(10000, Number.parseInt(paramText(params.pagina), 10) || 1));
  const [list, dideducs] = await Promise.all([
    listStaffAccounts({ q, role: (role || undefined) as never, dideducId: dideducId || undefined, page }),
    listDideducDirectory(),
  ]);
  const select = "block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2";
  return (
    <>
      <PageHeading eyebrow="Administración" title="Cuentas del personal">
        <p>Las cuentas del personal solo las crea la administración. Una cuenta desactivada no puede ingresar; su historial se conserva.</p>
      </PageHeading>

      <form method="get" role="search" aria-label="Buscar cuentas" className="mb-6 grid gap-3 md:grid-cols-4 md:items-end">
        <div className="space-y-1 md:col-span-2">
          <label htmlFor="q" className="block font-semibold">Nombre o correo</label>
          <input id="q" name="q" defaultValue={q} maxLength={200} className={select} />
        </div>
        <div className="space-y-1">
          <label htmlFor="rol" className="block font-semibold">Rol</label>
          <select id="rol" name="rol" defaultValue={role} className={select}>
            <option value="">Todos</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="dideduc" className="block font-semibold">DIDEDUC</label>
          <select id="dideduc" name="dideduc" defaultValue={dideducId} className={select}>
            <option value="">Todas</option>
            {dideducs.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
        </div>
        <div className="flex gap-3 md:col-span-4">
          <button type="submit" className={buttonClasses("primary")}>Buscar</button>
          {q || role || dideducId ? <Link href="/admin/cuentas" className={buttonClasses("ghost")}>Quitar filtros</Link> : null}
        </div>
      </form>

      <ListSection id="accounts-heading" title="Cuentas" count={list.total} className="mb-10 space-y-4">
        {list.rows.length === 0 ? (
          <EmptyNote>Ninguna cuenta coincide con la búsqueda.</EmptyNote>
        ) : (
          <DataTable testId="account-table" caption="Cuentas del personal" columns={["Nombre", "Correo", "Roles", "DIDEDUC y puesto", "Estado"]}>
            {list.rows.map((u) => (
              <tr key={u.id} className="border-t border-slate-200 align-top" data-testid="account-row">
                <th scope="row" className="px-3 py-2 font-semibold">
                  <Link href={`/admin/cuentas/${u.id}`}>{u.name}</Link>
                </th>
                <td className="break-all px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">{u.roles.length > 0 ? u.roles.map((r) => ROLE_LABELS[r]).join("; ") : "Sin rol propio (solo por delegación)"}</td>
                <td className="px-3 py-2">
                  {u.dideduc?.name ?? "—"}
                  {u.post ? <span className="block text-sm text-slate-700">{u.post}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <span className={u.active ? "font-semibold text-green-800" : "font-semibold text-red-800"}>{u.active ? "Activa" : "Desactivada"}</span>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <RegistryPagination basePath="/admin/cuentas" query={{ q, rol: role, dideduc: dideducId }} page={list.page} pageCount={list.pageCount} />
      </ListSection>

      <Card aria-labelledby="create-heading">
        <h2 id="create-heading" className="mb-4 text-xl font-semibold">Crear cuenta del personal</h2>
        <StaffAccountCreateForm dideducs={dideducs.map((d) => ({ id: d.id, name: d.name }))} />
      </Card>
    </>
  );
}
