import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { assertAdmin, invalidInput, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { checkStaffRoles } from "./check-staff-roles";
import { endOutdatedAuthority } from "./end-outdated-authority";
import { ZOptionalDideducId, ZPost, ZStaffRoles } from "./staff-account-fields";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZUpdateStaffAccount = z.object({
  userId: z.string().trim().min(1).max(100),
  roles: ZStaffRoles,
  dideducId: ZOptionalDideducId,
  post: ZPost,
});
export type TUpdateStaffAccount = z.input<typeof ZUpdateStaffAccount>;

export const OWN_ADMIN_ROLE_MESSAGE = "No puede quitarse a sí mismo el rol de administración: pídalo a otra persona administradora.";

// Roles, DIDEDUC and post of a staff account. Citizens and translators are not edited here.
// A change of roles or DIDEDUC also ends the account's sessions, revokes its delegations and ends
// the registry entries it no longer backs, in the same transaction (endOutdatedAuthority).
export async function updateStaffAccount(actor: TAdminActor, input: TUpdateStaffAccount, options: TAdminOptions = {}): Promise<{ id: string; changed: boolean; sessionsEnded: boolean }> {
  assertAdmin(actor);
  const { db, now, ip } = await resolveAdminDeps(options);
  const data = parseOrThrow(ZUpdateStaffAccount, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: data.userId } });
    if (!user) throw new DomainError("NOT_FOUND", "La cuenta no existe.");
    if (user.roles.some((r) => r === "CITIZEN" || r === "TRANSLATOR")) {
      throw new DomainError("NOT_STAFF", "Las cuentas de usuarios y traductores no se editan desde la administración del personal.");
    }
    if (user.id === actor.id && !data.roles.includes("ADMIN")) throw invalidInput({ roles: [OWN_ADMIN_ROLE_MESSAGE] });
    const errors = await checkStaffRoles(tx, data.roles, data.dideducId);
    if (Object.keys(errors).length > 0) throw invalidInput(errors);

    const before = { roles: [...user.roles].sort(), dideducId: user.dideducId, post: user.post };
    const after = { roles: [...data.roles].sort(), dideducId: data.dideducId ?? null, post: data.post ?? null };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
    }
    if (Object.keys(changes).length === 0) return { id: user.id, changed: false, sessionsEnded: false };
    await tx.user.update({ where: { id: user.id }, data: { roles: data.roles, dideducId: after.dideducId, post: after.post } });
    const ended = await endOutdatedAuthority(tx, {
      actorId: actor.id,
      userId: user.id,
      before: { roles: user.roles, dideducId: user.dideducId, active: user.active },
      after: { roles: data.roles, dideducId: after.dideducId, active: user.active },
      now,
      ip,
    });
    await appendAuditEvent(tx, {
      data: { caseId: null, actorId: actor.id, role: "ADMIN", action: "admin.update_account", ip, data: { userId: user.id, email: user.email, changes, ended } as object },
    });
    // A new post alone changes what the sheet prints, not what the person may do.
    return { id: user.id, changed: true, sessionsEnded: "roles" in changes || "dideducId" in changes };
  });
}
