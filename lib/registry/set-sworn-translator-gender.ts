import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { expandRoles } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { GRAMMATICAL_GENDERS } from "@/lib/wording/choose-gendered-form";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZSetSwornTranslatorGender = z.object({
  translatorId: z.string().min(1).max(100),
  // null: not stated (the sheets then use the inclusive "traductor(a) jurado(a)").
  gender: z.enum(GRAMMATICAL_GENDERS).nullable(),
});
export type TSetSwornTranslatorGender = z.input<typeof ZSetSwornTranslatorGender>;

export const SET_TRANSLATOR_GENDER_ACTION = "admin.set_translator_gender";

// Records how a registry entry's translator is named by role ("traductora jurada" / "traductor
// jurado"): for entries from before the D.4 form asked, or a correction the translator asks for.
// Administrators and the central manager (who keeps the registry, D.4); audited with the old and
// the new value. Certifications already issued keep the wording they were issued with.
export async function setSwornTranslatorGender(
  args: TSetSwornTranslatorGender & { actor: Pick<TActor, "id" | "roles">; ip?: string | null },
  options: TRegistryOptions = {},
): Promise<{ gender: z.infer<typeof ZSetSwornTranslatorGender>["gender"] }> {
  const parsed = ZSetSwornTranslatorGender.safeParse(args);
  if (!parsed.success) throw new DomainError("INVALID_INPUT", "Elija una forma de trato de la lista.", { gender: ["Elija una forma de trato de la lista."] });
  const { translatorId, gender } = parsed.data;
  const roles = expandRoles(args.actor.roles);
  const role = roles.includes("ADMIN") ? "ADMIN" : roles.includes("CENTRAL_MANAGER") ? "CENTRAL_MANAGER" : null;
  if (!role) throw new DomainError("FORBIDDEN", "Su usuario no puede cambiar el registro de traductores jurados.");
  const { db } = await resolveRegistryDeps(options);
  return db.$transaction(async (tx) => {
    const entry = await tx.swornTranslator.findUnique({ where: { id: translatorId }, select: { name: true, gender: true, dideducRegistrationNumber: true } });
    if (!entry) throw new DomainError("NOT_FOUND", "El traductor no existe en el registro.");
    if (entry.gender === gender) throw new DomainError("NO_CHANGE", `El registro de ${entry.name} ya tiene esa forma de trato.`);
    // Conditional on the value read: two administrators at once record one change, not two.
    const changed = await tx.swornTranslator.updateMany({ where: { id: translatorId, gender: entry.gender }, data: { gender } });
    if (changed.count === 0) throw new DomainError("CONFLICT", "Alguien cambió este registro a la vez. Recargue la página y revíselo.");
    await appendAuditEvent(tx, {
      data: {
        caseId: null,
        actorId: args.actor.id,
        role,
        action: SET_TRANSLATOR_GENDER_ACTION,
        ip: args.ip ?? null,
        data: { translatorId, name: entry.name, dideducRegistrationNumber: entry.dideducRegistrationNumber, from: entry.gender, to: gender },
      },
    });
    return { gender };
  });
}
