import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveAdminDeps, type TAdminOptions } from "./admin-options";
import { STAFF_ROLES } from "./staff-account-fields";

export const ZListStaffAccounts = z.object({
  q: z.string().trim().max(200).optional().default(""),
  role: z.enum(STAFF_ROLES).optional().catch(undefined),
  dideducId: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional().default(20),
});
export type TListStaffAccounts = z.input<typeof ZListStaffAccounts>;

// Staff accounts (anyone who is not only a citizen or a translator), by name or e-mail, role, DIDEDUC.
export async function listStaffAccounts(args: TListStaffAccounts, options: TAdminOptions = {}) {
  const { q, role, dideducId, page, pageSize } = ZListStaffAccounts.parse(args);
  const { db } = await resolveAdminDeps(options);
  const where: Prisma.UserWhereInput = {
    NOT: { roles: { hasSome: ["CITIZEN", "TRANSLATOR"] } },
    ...(role ? { roles: { has: role } } : {}),
    ...(dideducId ? { dideducId } : {}),
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase(), mode: "insensitive" } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, name: true, email: true, cui: true, phone: true, post: true, roles: true, active: true, lastLoginAt: true, dideduc: { select: { id: true, name: true } } },
    }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
