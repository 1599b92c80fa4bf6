import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getActor } from "@/lib/auth/get-actor";
import { FORGOT_PASSWORD_PATH } from "@/lib/auth/password-reset-paths";
import { homePathFor } from "@/lib/auth/roles";
import { accessRolesOf } from "@/lib/auth/session-user";
import { signInErrorMessage } from "@/lib/auth/sign-in-error-message";
import { SignInForm } from "./sign-in-form";
import { firstParam, type TPageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Ingresar" };

export default async function SignInPage({ searchParams }: { searchParams: TPageSearchParams }) {
  const params = await searchParams;
  const actor = await getActor();
  const callbackUrl = firstParam(params.callbackUrl);

  if (actor) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeading title="Ya inició sesión" />
        <Card className="space-y-4">
          <p>
            Está usando Certifica como <strong>{actor.name}</strong> ({actor.email}).
          </p>
          <div className="flex flex-wrap items-center gap-4">
            <ButtonLink href={homePathFor(accessRolesOf(actor))}>Continuar</ButtonLink>
            <SignOutButton label="Cerrar sesión para ingresar con otra cuenta" className="text-brand-700" />
          </div>
        </Card>
      </div>
    );
  }

  // Errors of a sign-in that did not go through the form (Auth.js redirects here with ?error=).
  const initialError = signInErrorMessage(firstParam(params.error), firstParam(params.code));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading title="Ingresar">
        <p>Use el correo y la contraseña de su cuenta de Certifica.</p>
      </PageHeading>
      {firstParam(params.contrasena) === "restablecida" ? (
        <Notice tone="success" className="mb-6" title="Su contraseña fue cambiada">
          Ingrese con su correo y la nueva contraseña. Las demás sesiones abiertas de su cuenta se cerraron.
        </Notice>
      ) : null}
      {firstParam(params.registrado) ? (
        <Notice tone="success" className="mb-6" title="Su cuenta fue creada">
          Ingrese con su correo y la contraseña que eligió.
        </Notice>
      ) : null}
      <Card>
        <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      </Card>
      <div className="mt-6 space-y-2">
        <p>
          <Link href={FORGOT_PASSWORD_PATH}>¿Olvidó su contraseña?</Link>
        </p>
        <p>
          ¿No tiene cuenta? <Link href="/registro">Cree una cuenta</Link> (personas usuarias y traductores jurados).
        </p>
        <p className="text-slate-700">
          El personal del Ministerio recibe su cuenta de la administración del sistema. Si ya no tiene acceso a su correo,
          comuníquese con Atención al Ciudadano.
        </p>
      </div>
    </div>
  );
}
