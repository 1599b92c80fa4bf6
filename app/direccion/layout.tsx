import type { ReactNode } from "react";
import { SectionNav } from "@/components/layout/section-nav";
import { StaffArea } from "@/components/staff/staff-area";
import { requireSegment } from "@/lib/auth/require-segment";

const DIRECCION_PAGES = [
  { href: "/direccion", label: "Firmas pendientes", paths: ["/direccion/casos"] },
  { href: "/direccion/delegaciones", label: "Delegaciones" },
  { href: "/direccion/estadisticas", label: "Estadísticas" },
] as const;

// The server-side check of this area; the proxy's redirect is only the first, cheaper one.
export default async function DireccionLayout({ children }: { children: ReactNode }) {
  await requireSegment("direccion");
  return <StaffArea nav={<SectionNav label="Páginas de la Dirección Departamental" items={DIRECCION_PAGES} />}>{children}</StaffArea>;
}
