import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

// D.4 accepted for a citizen's account (issue #14 §5, decision 0025): the same account becomes a
// sworn translator's too. The role is added, never swapped: the account keeps CITIZEN and with it
// its requests, drafts and certifications. In the acceptance's transaction, audited as an account
// change (what the administration's role changes write). An account that already has the role (a
// translator account, or a second registration) is left as it is, and nothing is recorded.
export async function grantTranslatorRole(
  tx: Prisma.TransactionClient,
  input: { userId: string; caseId: string; caseNumber: string; actorId: string; role: Role; ip: string | null; now: Date },
): Promise<boolean> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { id: true, email: true, roles: true } });
  if (user.roles.includes("TRANSLATOR")) return false;
  const roles: Role[] = [...user.roles, "TRANSLATOR"];
  await tx.user.update({ where: { id: user.id }, data: { roles } });
  await appendAuditEvent(tx, {
    data: {
      caseId: null,
      actorId: input.actorId,
      role: input.role,
      action: "account.grant_translator_role",
      ip: input.ip,
      createdAt: input.now,
      data: { userId: user.id, email: user.email, rolesBefore: user.roles, rolesAfter: roles, caseId: input.caseId, caseNumber: input.caseNumber },
    },
  });
  return true;
}
