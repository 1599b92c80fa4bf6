import "server-only";
import type { TFieldErrors } from "@/lib/errors";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { DIDEDUC_ROLES } from "@/lib/auth/roles";
import { DIDEDUC_REQUIRED_MESSAGE, NO_ROLE_MESSAGE, type TStaffRole } from "./staff-account-fields";

// The rules that tie roles to a DIDEDUC, for creating and editing alike.
export async function checkStaffRoles(
  db: PrismaClient | Prisma.TransactionClient,
  roles: readonly TStaffRole[],
  dideducId: string | undefined,
): Promise<TFieldErrors> {
  const errors: TFieldErrors = {};
  if (roles.length === 0 && !dideducId) errors.roles = [NO_ROLE_MESSAGE];
  if (roles.some((r) => DIDEDUC_ROLES.includes(r)) && !dideducId) errors.dideducId = [DIDEDUC_REQUIRED_MESSAGE];
  if (dideducId && !(await db.dideduc.findUnique({ where: { id: dideducId }, select: { id: true } }))) {
    errors.dideducId = ["Esa Dirección Departamental no existe en el directorio."];
  }
  return errors;
}
