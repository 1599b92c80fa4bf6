import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getActor } from "@/lib/auth/get-actor";
import { homePathFor } from "@/lib/auth/roles";
import { accessRolesOf } from "@/lib/auth/session-user";
import { RegistrationForm } from "./registration-form";

export const metadata: Metadata = { title: "Crear cuenta" };

export default async function RegistrationPage() {
  const actor = await getActor();
  if (actor) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeading title="Ya tiene una sesión abierta" />
        <Card className="space-y-4">
          <p>
            Está usando Certifica como <strong>{actor.name}</strong>. Para crear otra cuenta, cierre primero su sesión.
          </p>
          <ButtonLink href={homePathFor(accessRolesOf(actor))}>Continuar</ButtonLink>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading title="Crear una cuenta">
        <p>Con su cuenta podrá solicitar la certificación de sus documentos educativos y seguir cada trámite.</p>
      </PageHeading>
      <Card>
        <RegistrationForm />
      </Card>
      <p className="mt-6">
        ¿Ya tiene cuenta? <Link href="/ingresar">Ingrese aquí</Link>.
      </p>
    </div>
  );
}
