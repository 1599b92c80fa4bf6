import "server-only";

// The DIDEDUC's directory of Supervisiones Educativas, for "Rechazar e indicar dónde acudir".
export async function listSupervisionOffices(dideducId: string) {
  const { db } = await import("@/lib/db");
  return db.supervisionOffice.findMany({
    where: { dideducId, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, phone: true, address: true },
  });
}
