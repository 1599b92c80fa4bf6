import "server-only";
import { z } from "zod";
import { createDelegation } from "@/lib/workflow/create-delegation";
import { delegationRangeFromCalendarDates, isCalendarDate } from "@/lib/workflow/delegation-calendar";
import { assertAdmin, invalidInput, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZCreateAdminDelegation = z.object({ grantorId: z.string().trim().max(100).default("") });

// What the administrator's form posts: the grantor, the delegate, and calendar days (YYYY-MM-DD, as
// an <input type="date"> sends them) read exactly as the Director's own form reads them.
export type TCreateAdminDelegationInput = { grantorId: string; delegateId?: string; validFrom?: string; validTo?: string; note?: string };

const INVALID_DATE = "Escriba una fecha válida (día, mes y año).";

// Guatemala calendar days, both ends included (lib/workflow/delegation-calendar.ts), the same
// helper as /direccion/delegaciones. Unlike the Director, the administrator may backdate the first
// day (recording a delegation agreed earlier, on the Director's behalf); createDelegation still
// refuses a range that has already ended, one longer than the maximum, and overlaps.
function calendarRange(from: string, to: string): { validFrom: Date; validTo: Date } {
  const errors: Record<string, string[]> = {};
  if (!from) errors.validFrom = ["Indique desde qué día."];
  else if (!isCalendarDate(from)) errors.validFrom = [INVALID_DATE];
  if (!to) errors.validTo = ["Indique hasta qué día."];
  else if (!isCalendarDate(to)) errors.validTo = [INVALID_DATE];
  else if (isCalendarDate(from) && to < from) errors.validTo = ["La fecha final no puede ser anterior a la inicial."];
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
  return delegationRangeFromCalendarDates(from, to);
}

// lib/workflow only lets a DIDEDUC's signer grant a delegation (Nota 2/3): the administrator records
// it on the director's behalf (the director is the grantor), and a second audit event names the
// administrator who typed it in.
export async function createAdminDelegation(actor: TAdminActor, input: TCreateAdminDelegationInput, options: TAdminOptions = {}): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, now, ip } = await resolveAdminDeps(options);
  const { grantorId, delegateId, note } = input;
  if (!grantorId) throw invalidInput({ grantorId: ["Elija al Director o firmante de la DIDEDUC que delega."] });
  const grantor = await db.user.findUnique({ where: { id: grantorId }, select: { id: true, roles: true, dideducId: true, active: true } });
  if (!grantor || !grantor.active || !grantor.roles.includes("DIDEDUC_SIGNER") || !grantor.dideducId) {
    throw invalidInput({ grantorId: ["Quien delega debe ser un firmante activo de una Dirección Departamental."] });
  }
  const { validFrom, validTo } = calendarRange((input.validFrom ?? "").trim(), (input.validTo ?? "").trim());
  const delegation = await createDelegation({ id: grantor.id, roles: grantor.roles, dideducId: grantor.dideducId }, { delegateId: delegateId ?? "", validFrom, validTo, note }, { db, now, ip });
  await appendAuditEvent(db, {
    data: {
      caseId: null,
      actorId: actor.id,
      role: "ADMIN",
      action: "admin.create_delegation",
      ip,
      delegationId: delegation.id,
      data: { grantorId: grantor.id, delegateId: delegation.delegateId, dideducId: delegation.dideducId, validFrom: delegation.validFrom.toISOString(), validTo: delegation.validTo.toISOString() },
    },
  });
  return { id: delegation.id };
}
