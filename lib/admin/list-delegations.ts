import "server-only";
import { resolveAdminDeps, type TAdminOptions } from "./admin-options";

// Every delegation, current and upcoming first, then past and revoked ones; plus who may grant
// (DIDEDUC signers) and who may receive one (active staff attached to a DIDEDUC).
export async function listDelegations(options: TAdminOptions = {}) {
  const { db, now } = await resolveAdminDeps(options);
  const [rows, signers, staff] = await Promise.all([
    db.delegation.findMany({
      orderBy: [{ validTo: "desc" }],
      take: 200,
      include: { dideduc: { select: { name: true } }, grantor: { select: { name: true } }, delegate: { select: { name: true, email: true } } },
    }),
    db.user.findMany({ where: { active: true, roles: { has: "DIDEDUC_SIGNER" }, dideducId: { not: null } }, orderBy: { name: "asc" }, select: { id: true, name: true, dideduc: { select: { name: true } } } }),
    db.user.findMany({ where: { active: true, dideducId: { not: null } }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true, dideduc: { select: { name: true } } } }),
  ]);
  const isCurrent = (d: (typeof rows)[number]) => !d.revokedAt && d.validTo.getTime() >= now.getTime();
  return {
    current: rows.filter(isCurrent).sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime()),
    past: rows.filter((d) => !isCurrent(d)),
    signers,
    staff,
    now,
  };
}
