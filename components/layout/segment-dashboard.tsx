import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { describeRoles } from "@/lib/auth/describe-roles";
import type { TSessionUser } from "@/lib/auth/session-user";
import { PageHeading } from "./page-heading";

// The start page of a work area until its queues arrive: who is signed in, and what will be here.
export function SegmentDashboard({ actor, title, intro, upcoming, children }: {
  actor: TSessionUser;
  title: string;
  intro: ReactNode;
  upcoming: readonly string[];
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeading title={title}>{intro}</PageHeading>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading" className="text-xl font-semibold">
            Lo que encontrará aquí
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {upcoming.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
          {children}
        </Card>
        <Card aria-labelledby="session-heading">
          <h2 id="session-heading" className="text-xl font-semibold">
            Su sesión
          </h2>
          <dl className="mt-3 space-y-2">
            <div>
              <dt className="text-sm text-slate-600">Nombre</dt>
              <dd className="font-semibold">{actor.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Correo</dt>
              <dd className="break-all">{actor.email}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Rol</dt>
              <dd>{describeRoles(actor)}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}
