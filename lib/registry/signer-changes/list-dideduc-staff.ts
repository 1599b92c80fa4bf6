import "server-only";
import { resolveSignerChangeDeps, type TSignerChangeOptions } from "./signer-change-options";

// The active staff accounts of one DIDEDUC, for the Director's notice: the account a new signer
// will sign with (a registry entry bound to an account signs only for that person).
export async function listDideducStaff(dideducId: string, options: TSignerChangeOptions = {}) {
  const { db } = await resolveSignerChangeDeps(options);
  return db.user.findMany({
    where: { dideducId, active: true, roles: { hasSome: ["DIDEDUC_SIGNER", "DIDEDUC_REVIEWER"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}
