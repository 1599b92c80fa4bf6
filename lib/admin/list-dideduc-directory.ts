import "server-only";
import { resolveAdminDeps, type TAdminOptions } from "./admin-options";

// The 26 DIDEDUCs with their active supervision offices, for the directory screen and the filters.
export async function listDideducDirectory(options: TAdminOptions = {}) {
  const { db } = await resolveAdminDeps(options);
  return db.dideduc.findMany({
    orderBy: { name: "asc" },
    include: { supervisions: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, phone: true, address: true, isPlaceholder: true } } },
  });
}
