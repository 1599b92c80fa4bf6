import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { ButtonLink } from "@/components/ui/button";
import { getActor } from "@/lib/auth/get-actor";
import { describeRoles } from "@/lib/auth/describe-roles";
import { homePathFor } from "@/lib/auth/roles";
import { accessRolesOf } from "@/lib/auth/session-user";

export const metadata: Metadata = { title: "No autorizado", robots: { index: false } };

// Where the proxy and requireRole() send a signed-in person who opened an area of another role.
export default async function ForbiddenPage() {
  const actor = await getActor();
  const home = actor ? homePathFor(accessRolesOf(actor)) : "/";
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeading title="No autorizado">
        <p>Su usuario no tiene permiso para ver esta sección.</p>
      </PageHeading>
      {actor ? (
        <p>
          Ingresó como <strong>{actor.name}</strong>, con el rol: {describeRoles(actor)}. Si necesita otro acceso, solicítelo a la
          administración del sistema.
        </p>
      ) : (
        <p>
          <Link href="/ingresar">Ingrese</Link> con una cuenta que tenga acceso.
        </p>
      )}
      {home !== "/" ? <ButtonLink href={home}>Ir a mi página de inicio</ButtonLink> : <ButtonLink href="/">Ir a la página de inicio</ButtonLink>}
    </div>
  );
}
