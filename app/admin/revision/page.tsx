import type { Metadata } from "next";
import { AssignmentPolicyForm } from "@/components/admin/assignment-policy-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { requireSegment } from "@/lib/auth/require-segment";
import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES } from "@/lib/cases/assignment/assignment-rule";
import { findIdleMinutes } from "@/lib/cases/assignment/find-idle-minutes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Tomar solicitudes" };

export default async function AssignmentPolicyPage() {
  await requireSegment("admin");
  const idleMinutes = await findIdleMinutes(db);
  return (
    <>
      <PageHeading eyebrow="Administración" title="Tomar solicitudes">
        <p>
          Quien revisa una solicitud puede «Tomarla»: las demás personas ven «En revisión por …» y no pueden actuar sobre ella mientras tanto. Si quien la tomó la deja sin
          actividad este tiempo, la siguiente persona que pueda atenderla puede tomarla.
        </p>
      </PageHeading>
      <Card aria-labelledby="idle-heading">
        <h2 id="idle-heading" className="mb-4 text-xl font-semibold">Tiempo de inactividad</h2>
        <AssignmentPolicyForm idleMinutes={idleMinutes} min={MIN_IDLE_MINUTES} max={MAX_IDLE_MINUTES} />
      </Card>
    </>
  );
}
