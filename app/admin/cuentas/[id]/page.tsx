import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StaffAccountEditForm } from "@/components/admin/staff-account-edit-form";
import { SecondFactorResetForm } from "@/components/admin/second-factor-reset-form";
import { StaffAccountStatusForm } from "@/components/admin/staff-account-status-form";
import { formatDateTime } from "@/components/cases/format-date";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { findSecondFactorStatus } from "@/lib/admin/find-second-factor-status";
import { findStaffAccount } from "@/lib/admin/find-staff-account";
import { listDideducDirectory } from "@/lib/admin/list-dideduc-directory";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Cuenta del personal" };

export default async function StaffAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSegment("admin");
  const { id } = await params;
  const [account, dideducs, secondFactor] = await Promise.all([findStaffAccount(id), listDideducDirectory(), findSecondFactorStatus(id)]);
  if (!account) notFound();
  const isSelf = account.id === actor.id;
  return (
    <>
      <p className="mb-4"><Link href="/admin/cuentas">← Cuentas del personal</Link></p>
      <PageHeading eyebrow="Cuenta del personal" title={account.name}>
        <p>
          {account.email} · {account.active ? "Activa" : "Desactivada"}
          {account.lastLoginAt ? ` · último ingreso ${formatDateTime(account.lastLoginAt)}` : " · aún no ha ingresado"}
        </p>
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="edit-heading">
          <h2 id="edit-heading" className="mb-4 text-xl font-semibold">Roles, DIDEDUC y puesto</h2>
          <StaffAccountEditForm account={account} dideducs={dideducs.map((d) => ({ id: d.id, name: d.name }))} />
        </Card>
        <Card aria-labelledby="status-heading">
          <h2 id="status-heading" className="mb-4 text-xl font-semibold">Estado de la cuenta</h2>
          {isSelf ? (
            <p>No puede desactivar su propia cuenta.</p>
          ) : (
            <StaffAccountStatusForm key={String(account.active)} userId={account.id} active={account.active} />
          )}
        </Card>
        {secondFactor && (secondFactor.required || secondFactor.enrolledAt || secondFactor.pending) ? (
          <Card className="lg:col-span-3" aria-labelledby="second-factor-heading">
            <h2 id="second-factor-heading" className="mb-4 text-xl font-semibold">Verificación en dos pasos</h2>
            <p className="mb-4" data-testid="second-factor-status">
              {secondFactor.enrolledAt
                ? `Configurada el ${formatDateTime(secondFactor.enrolledAt)}; le quedan ${secondFactor.recoveryCodesLeft} códigos de recuperación sin usar.`
                : secondFactor.pending
                  ? "La configuración empezó pero aún no se confirmó con un código."
                  : "Aún no configurada: se configura al ingresar por primera vez."}
            </p>
            {isSelf ? (
              <p>No puede restablecer su propia verificación en dos pasos.</p>
            ) : (
              <SecondFactorResetForm userId={account.id} />
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
