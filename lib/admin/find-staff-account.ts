import "server-only";
import { resolveAdminDeps, type TAdminOptions } from "./admin-options";

// One staff account for its edit page; null for citizens and translators (not managed here).
export async function findStaffAccount(id: string, options: TAdminOptions = {}) {
  const { db } = await resolveAdminDeps(options);
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, cui: true, phone: true, post: true, roles: true, dideducId: true, active: true, lastLoginAt: true },
  });
  if (!user || user.roles.some((r) => r === "CITIZEN" || r === "TRANSLATOR")) return null;
  return user;
}
