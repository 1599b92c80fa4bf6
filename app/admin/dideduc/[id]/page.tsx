import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DideducForm } from "@/components/admin/dideduc-form";
import { SupervisionForm } from "@/components/admin/supervision-form";
import { SupervisionRemoveForm } from "@/components/admin/supervision-remove-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { DemoDataMark } from "@/components/ui/demo-data-mark";
import { listDideducDirectory } from "@/lib/admin/list-dideduc-directory";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Dirección Departamental" };

export default async function DideducPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSegment("admin");
  const { id } = await params;
  const dideduc = (await listDideducDirectory()).find((d) => d.id === id);
  if (!dideduc) notFound();
  return (
    <>
      <p className="mb-4"><Link href="/admin/dideduc">← Directorio de DIDEDUC</Link></p>
      <PageHeading eyebrow="Directorio de DIDEDUC" title={`Dirección Departamental de ${dideduc.name}`}>
        {dideduc.isPlaceholder ? (
          <p>
            <DemoDataMark className="inline" /> Los datos son de demostración hasta que se guarden los reales.
          </p>
        ) : null}
      </PageHeading>
      <Card className="mb-6" aria-labelledby="data-heading">
        <h2 id="data-heading" className="mb-4 text-xl font-semibold">Datos de la DIDEDUC</h2>
        {/* Not keyed on the saved row: a remount after saving would drop the action's state and with it
            «Datos guardados.»; the form remounts its fields itself when the saved values change. */}
        <DideducForm dideduc={dideduc} />
      </Card>
      <Card aria-labelledby="sup-heading">
        <h2 id="sup-heading" className="mb-4 text-xl font-semibold">Supervisiones Educativas ({dideduc.supervisions.length})</h2>
        <ul className="space-y-6">
          {dideduc.supervisions.map((s) => (
            <li key={s.id} className="space-y-2 border-b border-slate-200 pb-4" data-testid="supervision">
              {/* The seed's invented offices, until an administrator saves real data. */}
              {s.isPlaceholder ? <DemoDataMark detail="teléfono y dirección de ejemplo; guarde los reales" /> : null}
              <SupervisionForm key={`${s.name}|${s.phone}|${s.address}`} dideducId={dideduc.id} office={s} />
              <SupervisionRemoveForm officeId={s.id} name={s.name} />
            </li>
          ))}
        </ul>
        <h3 className="mb-2 mt-6 text-lg font-semibold">Agregar supervisión</h3>
        <SupervisionForm dideducId={dideduc.id} />
      </Card>
    </>
  );
}
