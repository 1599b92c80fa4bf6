import type { Metadata } from "next";
import Link from "next/link";
import { HolidayForm } from "@/components/admin/holiday-form";
import { HolidayRemoveForm } from "@/components/admin/holiday-remove-form";
import { ServiceLevelTargetForm } from "@/components/admin/service-level-target-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { requireSegment } from "@/lib/auth/require-segment";
import { listServiceLevels } from "@/lib/service-levels/list-service-levels";

export const metadata: Metadata = { title: "Plazos y días hábiles" };

const weekday = new Intl.DateTimeFormat("es-GT", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default async function ServiceLevelsPage() {
  await requireSegment("admin");
  const { targets, holidays } = await listServiceLevels();
  return (
    <>
      <p className="mb-4"><Link href="/admin">← Administración</Link></p>
      <PageHeading title="Plazos y días hábiles">
        <p>
          El plazo de cada etapa se cuenta en días hábiles: de lunes a viernes, hora de Guatemala, sin los días de asueto de la lista. En las bandejas, una solicitud
          pasada de su plazo se marca «Vencida» y la que vence hoy o el siguiente día hábil, «Por vencer». Deje el plazo vacío para no tener plazo en esa etapa.
        </p>
      </PageHeading>
      <Card className="mb-6" aria-labelledby="targets-heading">
        <h2 id="targets-heading" className="mb-4 text-xl font-semibold">Plazos por trámite y etapa</h2>
        <ul className="divide-y divide-slate-200">
          {targets.map((t) => {
            const label = `${t.procedureCode} ${t.procedureLabel} — ${t.stateLabel}`;
            return (
              <li key={`${t.procedure}:${t.state}`} className="py-3" data-testid="service-level-target">
                <p className="mb-2">
                  <span className="font-semibold">{t.procedureCode} {t.procedureLabel}</span>: {t.stateLabel}
                </p>
                <ServiceLevelTargetForm procedure={t.procedure} state={t.state} label={label} businessDays={t.businessDays} />
              </li>
            );
          })}
        </ul>
      </Card>
      <Card aria-labelledby="holidays-heading">
        <h2 id="holidays-heading" className="mb-4 text-xl font-semibold">Días de asueto ({holidays.length})</h2>
        <p className="mb-4 text-slate-700">Los medios días (24 y 31 de diciembre) cuentan como días completos de asueto.</p>
        <ul className="mb-6 divide-y divide-slate-200">
          {holidays.map((h) => {
            const date = weekday.format(new Date(`${h.date}T00:00:00Z`));
            return (
              <li key={h.id} className="flex flex-wrap items-center justify-between gap-3 py-2" data-testid="holiday">
                <span>
                  <span className="font-semibold">{date}</span>: {h.name}
                  {h.halfDay ? " (medio día)" : ""}
                </span>
                <HolidayRemoveForm holidayId={h.id} label={`${h.name}, ${date}`} />
              </li>
            );
          })}
        </ul>
        <h3 className="mb-2 text-lg font-semibold">Agregar día de asueto</h3>
        <HolidayForm />
      </Card>
    </>
  );
}
