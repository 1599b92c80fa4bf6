import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { requireSegment } from "@/lib/auth/require-segment";

export const metadata: Metadata = { title: "Administración" };

const SECTIONS = [
  { href: "/admin/cuentas", title: "Cuentas del personal", text: "Alta de cuentas, roles, DIDEDUC, puesto, desactivación y reactivación." },
  { href: "/admin/firmantes", title: "Registro de firmantes autorizados", text: "Certificados de quienes firman por cada DIDEDUC, el Archivo y la planta central; huella, vigencia y revocación." },
  { href: "/admin/dideduc", title: "Directorio de DIDEDUC", text: "Datos de las 26 Direcciones Departamentales y sus Supervisiones Educativas." },
  { href: "/admin/delegaciones", title: "Delegaciones", text: "Delegaciones de la revisión departamental vigentes y pasadas; crear y revocar." },
  { href: "/admin/titulos", title: "Registro de títulos", text: "Importación del registro de títulos de diversificado (2005 en adelante) y búsqueda." },
  { href: "/admin/traductores", title: "Registro de traductores jurados", text: "Búsqueda, desactivación y reactivación de traductores jurados." },
  { href: "/admin/revision", title: "Tomar solicitudes", text: "Tiempo sin actividad tras el que otra persona puede tomar una solicitud que alguien tomó." },
  { href: "/admin/plazos", title: "Plazos y días hábiles", text: "Plazo en días hábiles de cada etapa de cada trámite y los días de asueto de Guatemala." },
  { href: "/admin/auditoria", title: "Bitácora de auditoría", text: "Todo lo registrado (trámites, ingresos, cuentas, delegaciones, registros), con filtros y descarga en CSV." },
  { href: "/admin/correos", title: "Correos enviados (bandeja de salida)", text: "Los avisos que el sistema envió o no pudo enviar." },
] as const;

export default async function AdminHomePage() {
  const actor = await requireSegment("admin");
  return (
    <>
      <PageHeading title="Administración">
        <p>
          Bienvenido, {actor.name}. Aquí se mantienen las cuentas del personal, el registro de firmantes autorizados, el directorio de las Direcciones Departamentales y las
          delegaciones. Cada cambio queda en la bitácora.
        </p>
      </PageHeading>
      <ul className="grid gap-4 md:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Card as="div" className="h-full">
              <h2 className="text-xl font-semibold">
                <Link href={s.href}>{s.title}</Link>
              </h2>
              <p className="mt-2 text-slate-700">{s.text}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
