import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DigestPreferencesForm } from "@/components/account/digest-preferences-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { describeRoles } from "@/lib/auth/describe-roles";
import { requireActor } from "@/lib/auth/require-actor";
import { actorHasAnyRole } from "@/lib/auth/session-user";
import { requiresSecondFactor } from "@/lib/auth/totp/requires-second-factor";
import { db } from "@/lib/db";
import { STAFF_ROLES } from "@/lib/notifications/staff-roles";

export const metadata: Metadata = { title: "Mi cuenta", robots: { index: false } };

// Every signed-in person's own account, whatever their role (linked from the site header).
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor({ callbackPath: "/cuenta" });
  const changed = (await searchParams).contrasena === "cambiada";
  const digest = actorHasAnyRole(actor, STAFF_ROLES)
    ? await db.user.findUnique({ where: { id: actor.id }, select: { digestEnabled: true, digestHour: true } })
    : null;
  return (
    <div className="max-w-2xl">
      <PageHeading title="Mi cuenta">
        <p>
          {actor.name} · {actor.email} · {describeRoles(actor)}
        </p>
      </PageHeading>
      {changed ? (
        <Notice tone="success" title="Su contraseña cambió" className="mb-6">
          Las demás sesiones de su cuenta se cerraron. Use la nueva contraseña la próxima vez que ingrese.
        </Notice>
      ) : null}
      <Card aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-xl font-semibold">
          Cambiar la contraseña
        </h2>
        <p>Al cambiarla se cierran todas las demás sesiones de su cuenta (otros equipos o navegadores); en este sigue dentro.</p>
        <ChangePasswordForm />
      </Card>
      {digest ? (
        <Card aria-labelledby="digest-heading" className="mt-6 space-y-4">
          <h2 id="digest-heading" className="text-xl font-semibold">
            Resumen diario por correo
          </h2>
          <p>Las solicitudes que llegaron o volvieron a sus bandejas desde el último resumen, y las que están por vencer o vencidas.</p>
          <DigestPreferencesForm digestEnabled={digest.digestEnabled} digestHour={digest.digestHour} />
        </Card>
      ) : null}
      {requiresSecondFactor(actor.roles, actor.delegatedRoles) ? (
        <Card aria-labelledby="second-factor-heading" className="mt-6 space-y-2">
          <h2 id="second-factor-heading" className="text-xl font-semibold">
            Verificación en dos pasos
          </h2>
          <p>
            Su cuenta pide, además de la contraseña, el código de su aplicación de autenticación o uno de sus códigos de
            recuperación. Si perdió su teléfono y sus códigos, la administración del sistema puede restablecerla: al ingresar de
            nuevo la configurará otra vez.
          </p>
        </Card>
      ) : null}
    </div>
  );
}
