import "server-only";
import { dbOf, type TDbOptions } from "./db-options";

// The DIDEDUC's directory of Supervisiones Educativas, offered (editable) for "rechazar indicando
// dónde acudir".
export async function listSupervisionOffices(dideducId: string, options: TDbOptions = {}) {
  const db = await dbOf(options);
  return db.supervisionOffice.findMany({
    where: { dideducId, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, phone: true, address: true, isPlaceholder: true },
  });
}
