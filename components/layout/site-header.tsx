import Link from "next/link";
import { describeRoles } from "@/lib/auth/describe-roles";
import { getActor } from "@/lib/auth/get-actor";
import { SEGMENT_LABELS, segmentsFor } from "@/lib/auth/roles";
import { accessRolesOf, actorHasAnyRole } from "@/lib/auth/session-user";
import { STATS_ROLES } from "@/lib/stats/resolve-stats-scope";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const actor = await getActor();
  const nav = actor ? segmentsFor(accessRolesOf(actor)).map((s) => ({ href: `/${s}`, label: SEGMENT_LABELS[s] })) : [];
  // The central management dashboard (issue #14 §2); a director's is in the /direccion section's pages.
  if (actor && actorHasAnyRole(actor, STATS_ROLES.atencion)) nav.push({ href: "/atencion/estadisticas", label: "Estadísticas" });
  return (
    <header lang="es-GT" className="on-dark bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <div>
          <p className="text-sm text-brand-100">Ministerio de Educación — Guatemala</p>
          <Link href="/" className="text-2xl font-bold tracking-tight text-white no-underline hover:text-white hover:underline">
            Certifica
            <span className="sr-only">: certificación electrónica de documentos educativos, página de inicio</span>
          </Link>
        </div>
        {actor ? (
          <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm sm:text-base">
            <p>
              <span className="sr-only">Sesión iniciada como </span>
              <span className="font-semibold" data-testid="signed-in-name">{actor.name}</span>
              <span className="block text-sm text-brand-100" data-testid="signed-in-role">{describeRoles(actor)}</span>
            </p>
            <Link href="/cuenta" className="min-h-11 py-2.5 font-semibold text-white hover:text-brand-100">
              Mi cuenta
            </Link>
            <SignOutButton className="text-white hover:text-brand-100" />
          </div>
        ) : (
          <div className="flex flex-wrap items-center gap-4">
            <Link href="/ingresar" className="font-semibold text-white hover:text-brand-100">
              Ingresar
            </Link>
            <Link href="/registro" className="font-semibold text-white hover:text-brand-100">
              Crear cuenta
            </Link>
          </div>
        )}
      </div>
      <MainNav items={nav} />
    </header>
  );
}
