import "server-only";
import { requiresSecondFactor } from "@/lib/auth/totp/requires-second-factor";
import { resolveAdminDeps, type TAdminOptions } from "./admin-options";

export type TSecondFactorStatus = {
  required: boolean;
  enrolledAt: Date | null;
  // Enrolment started (secret shown) but no code confirmed it yet.
  pending: boolean;
  recoveryCodesLeft: number;
};

// A staff account's second factor, for its page under /admin/cuentas.
export async function findSecondFactorStatus(userId: string, options: TAdminOptions = {}): Promise<TSecondFactorStatus | null> {
  const { db } = await resolveAdminDeps(options);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { roles: true, totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (!user) return null;
  return {
    required: requiresSecondFactor(user.roles),
    enrolledAt: user.totpEnabledAt,
    pending: !user.totpEnabledAt && user.totpSecret !== null,
    recoveryCodesLeft: user._count.recoveryCodes,
  };
}
