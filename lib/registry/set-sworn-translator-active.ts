import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { expandRoles } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZSetSwornTranslatorActive = z.object({
  translatorId: z.string().min(1).max(100),
  active: z.boolean(),
  reason: z.string().trim().min(5, "Escriba el motivo (al menos 5 caracteres).").max(500, "El motivo pasa de 500 caracteres."),
});
export type TSetSwornTranslatorActive = z.input<typeof ZSetSwornTranslatorActive>;

export const TRANSLATOR_ACTIONS = { deactivate: "admin.deactivate_translator", reactivate: "admin.reactivate_translator" } as const;

// Deactivates or reactivates a registry entry, with the reason in the audit trail (the model has
// no column for it: the latest AuditEvent of the entry carries it). Administrators and the
// central manager (who registers translators, D.4) may do it.
export async function setSwornTranslatorActive(
  args: TSetSwornTranslatorActive & { actor: Pick<TActor, "id" | "roles">; ip?: string | null },
  options: TRegistryOptions = {},
): Promise<{ active: boolean }> {
  const parsed = ZSetSwornTranslatorActive.safeParse(args);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    throw new DomainError("INVALID_INPUT", "Revise los datos marcados en el formulario.", fieldErrors);
  }
  const { translatorId, active, reason } = parsed.data;
  const roles = expandRoles(args.actor.roles);
  const role = roles.includes("ADMIN") ? "ADMIN" : roles.includes("CENTRAL_MANAGER") ? "CENTRAL_MANAGER" : null;
  if (!role) throw new DomainError("FORBIDDEN", "Su usuario no puede cambiar el registro de traductores jurados.");
  const { db } = await resolveRegistryDeps(options);
  return db.$transaction(async (tx) => {
    const entry = await tx.swornTranslator.findUnique({ where: { id: translatorId } });
    if (!entry) throw new DomainError("NOT_FOUND", "El traductor no existe en el registro.");
    // Conditional update: two administrators clicking at once record one change, not two.
    const changed = await tx.swornTranslator.updateMany({ where: { id: translatorId, active: !active }, data: { active } });
    if (changed.count === 0) {
      throw new DomainError("NO_CHANGE", active ? `${entry.name} ya está activo en el registro.` : `${entry.name} ya está inactivo en el registro.`);
    }
    await appendAuditEvent(tx, {
      data: {
        caseId: null,
        actorId: args.actor.id,
        role,
        action: active ? TRANSLATOR_ACTIONS.reactivate : TRANSLATOR_ACTIONS.deactivate,
        note: reason,
        ip: args.ip ?? null,
        data: { translatorId, name: entry.name, dideducRegistrationNumber: entry.dideducRegistrationNumber, active },
      },
    });
    return { active };
  });
}
