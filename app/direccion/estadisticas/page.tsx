import type { Metadata } from "next";
import { StatsDashboard } from "@/components/stats/stats-dashboard";
import { requireRole } from "@/lib/auth/require-role";
import { STATS_ROLES } from "@/lib/stats/resolve-stats-scope";

export const metadata: Metadata = { title: "Estadísticas" };

// Issue #14 §2: the management dashboard (role and scope checked again in StatsDashboard).
export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole(STATS_ROLES["direccion"], { callbackPath: "/direccion/estadisticas" });
  return <StatsDashboard actor={actor} segment="direccion" searchParams={await searchParams} />;
}
