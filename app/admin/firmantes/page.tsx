import type { Metadata } from "next";
import Link from "next/link";
import { SignerRegisterForm } from "@/components/admin/signer-register-form";
import { SignerRevokeForm } from "@/components/admin/signer-revoke-form";
import { formatDate, formatDateTime } from "@/components/cases/format-date";
import { PageHeading } from "@/components/layout/page-heading";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listAuthorizedSigners } from "@/lib/admin/list-authorized-signers";
import { listDideducDirectory } from "@/lib/admin/list-dideduc-directory";
import { listStaffAccounts } from "@/lib/admin/list-staff-accounts";
import { groupFingerprint, SIGNER_OFFICE_LABELS, SIGNER_STATE_LABELS, type TSignerState } from "@/lib/admin/signer-state";
import { requireSegment } from "@/lib/auth/require-segment";
import { DataTable, EmptyNote, ListSection } from "@/components/ui/data-table";
import { paramText, type TPageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Registro de firmantes autorizados" };

const STATE_CLASSES: Record<TSignerState, string> = {
  VALID: "text-green-800",
  EXPIRED: "text-slate-700",
  REVOKED: "text-red-800",
  NOT_YET_VALID: "text-amber-900",
};

export default async function AuthorizedSignersPage({ searchParams }: { searchParams: TPageSearchParams }) {
  await requireSegment("admin");
  const params = await searchParams;
  const office = paramText(params.oficina);
  const dideducId = paramText(params.dideduc);
  const [rows, dideducs, accounts] = await Promise.all([
    listAuthorizedSigners({ office: (office || undefined) as never, dideducId: dideducId || undefined }),
    listDideducDirectory(),
    listStaffAccounts({ pageSize: 100 }),
  ]);
  const select = "block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2";
  return (
    <>
      <PageHeading eyebrow="Administración" title="Registro de firmantes autorizados">
        <p>
          Nota 3 del procedimiento: quién firma por cada Dirección Departamental, por el Archivo Documental y por la planta central. Se registra el certificado público; la
          firma solo se acepta con un certificado vigente de este registro.
        </p>
      </PageHeading>

      <form method="get" role="search" aria-label="Filtrar firmantes" className="mb-6 grid gap-3 md:grid-cols-3 md:items-end">
        <div className="space-y-1">
          <label htmlFor="oficina" className="block font-semibold">Oficina</label>
          <select id="oficina" name="oficina" defaultValue={office} className={select}>
            <option value="">Todas</option>
            {Object.entries(SIGNER_OFFICE_LABELS).map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
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
        <div className="flex gap-3">
          <button type="submit" className={buttonClasses("primary")}>Filtrar</button>
          {office || dideducId ? <Link href="/admin/firmantes" className={buttonClasses("ghost")}>Quitar filtros</Link> : null}
        </div>
      </form>

      <ListSection id="signers-heading" title="Firmantes" count={rows.length} className="mb-10 space-y-4">
        {rows.length === 0 ? (
          <EmptyNote>No hay firmantes registrados con esos filtros.</EmptyNote>
        ) : (
          <DataTable testId="signer-table" caption="Firmantes autorizados" columns={["Nombre y puesto", "Oficina", "Huella SHA-256", "Vigencia", "Estado", "Revocar"]}>
            {rows.map((s) => (
              <tr key={s.id} className="border-t border-slate-200 align-top" data-testid="signer-row">
                <th scope="row" className="px-3 py-2">
                  <span className="font-semibold">{s.name}</span>
                  <span className="block text-sm font-normal text-slate-700">{s.post}</span>
                  {s.user ? <span className="block text-sm font-normal text-slate-700">Cuenta: {s.user.email}</span> : null}
                </th>
                <td className="px-3 py-2">
                  {SIGNER_OFFICE_LABELS[s.office]}
                  {s.dideduc ? <span className="block text-sm text-slate-700">{s.dideduc.name}</span> : null}
                </td>
                <td className="max-w-64 px-3 py-2">
                  <code className="break-all text-xs" title={s.certSubject}>{groupFingerprint(s.certFingerprint)}</code>
                </td>
                <td className="px-3 py-2 text-sm">
                  {formatDate(s.validFrom)} – {formatDate(s.validTo)}
                </td>
                <td className="px-3 py-2">
                  <span className={`font-semibold ${STATE_CLASSES[s.state]}`} data-testid="signer-state">{SIGNER_STATE_LABELS[s.state]}</span>
                  {s.revokedAt ? (
                    <span className="block text-sm text-slate-700">
                      {formatDateTime(s.revokedAt)}
                      {s.revokedReason ? `: ${s.revokedReason}` : ""}
                    </span>
                  ) : null}
                </td>
                <td className="min-w-56 px-3 py-2">{s.revokedAt ? "—" : <SignerRevokeForm signerId={s.id} signerName={s.name} fingerprint={s.certFingerprint} />}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListSection>

      <Card aria-labelledby="register-heading">
        <h2 id="register-heading" className="mb-4 text-xl font-semibold">Registrar firmante</h2>
        <SignerRegisterForm
          dideducs={dideducs.map((d) => ({ id: d.id, name: `${d.name} (tipo ${d.type})`, type: d.type }))}
          accounts={accounts.rows.filter((a) => a.active).map((a) => ({ id: a.id, name: `${a.name} (${a.email})` }))}
        />
      </Card>
    </>
  );
}
