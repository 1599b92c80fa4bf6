import "server-only";
import { z } from "zod";
import { endAllSessions } from "@/lib/auth/end-all-sessions";
import { resetSecondFactorThrottle } from "@/lib/auth/totp/reset-second-factor-throttle";
import { DomainError } from "@/lib/errors";
import { assertAdmin, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZResetSecondFactor = z.object({
  userId: z.string().trim().min(1).max(100),
  reason: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(500, { error: "El motivo no puede tener más de 500 caracteres." }).optional(),
  ),
});
export type TResetSecondFactor = z.input<typeof ZResetSecondFactor>;

export const SELF_RESET_MESSAGE = "No puede restablecer su propia verificación en dos pasos: pídalo a otra persona administradora.";

// For a staff member who lost their phone (and recovery codes): forgets their TOTP secret and
// recovery codes and ends their sessions; their next sign-in enrols a new authenticator. Audited.
// Not on oneself: a hijacked administrator session must not be able to drop its owner's factor.
export async function resetSecondFactor(actor: TAdminActor, input: TResetSecondFactor, options: TAdminOptions = {}): Promise<{ reset: true }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const data = parseOrThrow(ZResetSecondFactor, input);
  if (data.userId === actor.id) throw new DomainError("SELF_RESET", SELF_RESET_MESSAGE);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, email: true, roles: true, totpSecret: true, totpEnabledAt: true } });
    if (!user || user.roles.some((r) => r === "CITIZEN" || r === "TRANSLATOR")) throw new DomainError("NOT_FOUND", "La cuenta no existe.");
    const recovery = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await endAllSessions(user.id, { db: tx });
    await appendAuditEvent(tx, {
      data: {
        caseId: null,
        actorId: actor.id,
        role: "ADMIN",
        action: "admin.reset_second_factor",
        note: data.reason ?? null,
        ip,
        data: { userId: user.id, email: user.email, wasEnrolled: user.totpEnabledAt !== null, recoveryCodesDeleted: recovery.count },
      },
    });
  });
  await resetSecondFactorThrottle(data.userId, { db });
  return { reset: true };
}
