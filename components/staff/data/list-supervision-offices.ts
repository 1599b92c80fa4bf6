import "server-only";
import { dbOf, type TDataOptions } from "./data-options";

// The DIDEDUC's directory of Supervisiones Educativas, for "Rechazar e indicar dónde acudir".
export async function listSupervisionOffices(dideducId: string, options: TDataOptions = {}) {
  const db = await dbOf(options);
  return db.supervisionOffice.findMany({
    where: { dideducId, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, phone: true, address: true },
  });
}
