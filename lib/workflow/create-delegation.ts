import "server-only";
import { z } from "zod";
import type { Delegation, PrismaClient } from "@/lib/generated/prisma/client";
import { DIDEDUC_SIGNER_WHO } from "@/lib/registry/dideduc-signer-posts";
import { zodFieldErrors, type TWorkflowActor } from "./check-transition";
import { DelegationError } from "./delegation-error";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

// Long enough for a leave of absence; a longer arrangement is a change of staff, which the
// registry of signers and the staff accounts express instead.
export const DELEGATION_MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

export const ZCreateDelegationInput = z
  .object({
    delegateId: z.string({ error: "Seleccione a quién delega." }).trim().min(1, { error: "Seleccione a quién delega." }),
    validFrom: z.coerce.date({ error: "Indique desde cuándo." }),
    validTo: z.coerce.date({ error: "Indique hasta cuándo." }),
    note: z
      .string()
      .trim()
      .max(500, { error: "La nota no puede tener más de 500 caracteres." })
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.validTo.getTime() > v.validFrom.getTime(), {
    error: "La fecha final debe ser posterior a la inicial.",
    path: ["validTo"],
  })
  .refine((v) => v.validTo.getTime() - v.validFrom.getTime() <= DELEGATION_MAX_DAYS * DAY_MS, {
    error: `Una delegación no puede durar más de ${DELEGATION_MAX_DAYS} días.`,
    path: ["validTo"],
  });
export type TCreateDelegationInput = z.input<typeof ZCreateDelegationInput>;

export type TDelegationOptions = { db?: PrismaClient; ip?: string | null; now?: Date };

// Nota 2/3 of D.1.1 and D.2.1: the DIDEDUC's director (a DIDEDUC_SIGNER) lets another staff member
// of the same DIDEDUC act as its reviewer for a date range. "Staff of the DIDEDUC" means an active
// account attached to it (User.dideducId), the same attachment that scopes every DIDEDUC role.
export async function createDelegation(
  actor: TWorkflowActor,
  rawInput: TCreateDelegationInput,
  options: TDelegationOptions = {},
): Promise<Delegation> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();

  if (!actor.roles.includes("DIDEDUC_SIGNER") || !actor.dideducId) {
    throw new DelegationError("FORBIDDEN", `Solo ${DIDEDUC_SIGNER_WHO} puede delegar la revisión.`);
  }
  const dideducId = actor.dideducId;
  const parsed = ZCreateDelegationInput.safeParse(rawInput);
  if (!parsed.success) throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", zodFieldErrors(parsed.error));
  const input = parsed.data;
  if (input.validTo.getTime() <= now.getTime()) {
    throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", { validTo: ["La fecha final ya pasó."] });
  }
  if (input.delegateId === actor.id) {
    throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", { delegateId: ["Debe delegar en otra persona."] });
  }

  return db.$transaction(async (tx) => {
    const delegate = await tx.user.findUnique({ where: { id: input.delegateId } });
    if (!delegate || !delegate.active || delegate.dideducId !== dideducId) {
      throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", {
        delegateId: ["Solo puede delegar en personal activo de su misma Dirección Departamental."],
      });
    }
    const overlapping = await tx.delegation.findFirst({
      where: {
        dideducId,
        delegateId: delegate.id,
        role: "DIDEDUC_REVIEWER",
        revokedAt: null,
        validFrom: { lte: input.validTo },
        validTo: { gte: input.validFrom },
      },
    });
    if (overlapping) {
      throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", {
        validFrom: ["Esa persona ya tiene una delegación vigente en parte de esas fechas."],
      });
    }
    const delegation = await tx.delegation.create({
      data: {
        dideducId,
        grantorId: actor.id,
        delegateId: delegate.id,
        role: "DIDEDUC_REVIEWER",
        validFrom: input.validFrom,
        validTo: input.validTo,
        note: input.note ?? null,
        createdAt: now,
      },
    });
    await appendAuditEvent(tx, {
      data: {
        actorId: actor.id,
        role: "DIDEDUC_SIGNER",
        action: "create_delegation",
        note: input.note ?? null,
        data: {
          dideducId,
          // The grantor, also when the administration records the delegation on its behalf
          // (lib/admin/create-admin-delegation.ts adds its own event naming the administrator).
          grantorId: actor.id,
          delegateId: delegate.id,
          role: "DIDEDUC_REVIEWER",
          validFrom: input.validFrom.toISOString(),
          validTo: input.validTo.toISOString(),
        },
        ip: options.ip ?? null,
        delegationId: delegation.id,
        createdAt: now,
      },
    });
    return delegation;
  });
}
