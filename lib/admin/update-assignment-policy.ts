import "server-only";
import { z } from "zod";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES, MIN_IDLE_MINUTES } from "@/lib/cases/assignment/assignment-rule";
import { assertAdmin, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";

const RANGE_MESSAGE = `Escriba un número entero de minutos entre ${MIN_IDLE_MINUTES} y ${MAX_IDLE_MINUTES}.`;

export const ZAssignmentPolicy = z.object({
  idleMinutes: z.coerce.number({ error: RANGE_MESSAGE }).int({ error: RANGE_MESSAGE }).min(MIN_IDLE_MINUTES, { error: RANGE_MESSAGE }).max(MAX_IDLE_MINUTES, { error: RANGE_MESSAGE }),
});
export type TAssignmentPolicyInput = z.input<typeof ZAssignmentPolicy>;

// The idle time after which a taken case may be taken over ("Tomar", decision 0023). One row in the
// database, so every server instance applies the same; audited with the value it replaced.
export async function updateAssignmentPolicy(actor: TAdminActor, input: TAssignmentPolicyInput, options: TAdminOptions = {}): Promise<{ idleMinutes: number }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const { idleMinutes } = parseOrThrow(ZAssignmentPolicy, input);
  return db.$transaction(async (tx) => {
    const before = await tx.assignmentPolicy.findUnique({ where: { id: "default" } });
    await tx.assignmentPolicy.upsert({ where: { id: "default" }, create: { id: "default", idleMinutes, updatedById: actor.id }, update: { idleMinutes, updatedById: actor.id } });
    await appendAuditEvent(tx, {
      data: { actorId: actor.id, role: "ADMIN", action: "admin.update_assignment_policy", ip, data: { idleMinutes: { from: before?.idleMinutes ?? DEFAULT_IDLE_MINUTES, to: idleMinutes } } },
    });
    return { idleMinutes };
  });
}
