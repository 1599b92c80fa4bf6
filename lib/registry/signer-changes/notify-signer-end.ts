import "server-only";
import { z } from "zod";
import { parseOrThrow } from "@/lib/admin/admin-options";
import { DomainError } from "@/lib/errors";
import { safeText } from "@/lib/validation/safe-text";
import {
  assertDideducDirector,
  guatemalaToday,
  resolveSignerChangeDeps,
  startOfGuatemalaDay,
  type TSignerChangeActor,
  type TSignerChangeOptions,
} from "./signer-change-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZNotifySignerEnd = z.object({
  signerId: z.string().trim().min(1, { error: "Elija el firmante." }).max(100),
  endDate: z.iso.date({ error: "Escriba la fecha desde la que ya no firma." }),
  reason: safeText({ error: "Escriba el motivo (por ejemplo, traslado o jubilación)." })
    .trim()
    .min(5, { error: "Escriba el motivo (al menos 5 caracteres)." })
    .max(500, { error: "El motivo no puede tener más de 500 caracteres." }),
});
export type TNotifySignerEnd = z.input<typeof ZNotifySignerEnd>;

export const DUPLICATE_END_MESSAGE = "Ya notificó el fin de este firmante: espere la respuesta de Atención al Ciudadano.";

// Nota 3: "En caso de cambio de personal se deberá notificar de igual forma." The Director notifies
// that one of their DIDEDUC's signers stops signing from a date (today or later); the registry entry
// ends when Atención al Ciudadano accepts (accept-signer-change.ts), on that date or, if accepted
// later, at acceptance.
export async function notifySignerEnd(actor: TSignerChangeActor, input: TNotifySignerEnd, options: TSignerChangeOptions = {}): Promise<{ id: string }> {
  const dideducId = assertDideducDirector(actor);
  const { db, now, ip } = await resolveSignerChangeDeps(options);
  const data = parseOrThrow(ZNotifySignerEnd, input);
  if (data.endDate < guatemalaToday(now)) throw new DomainError("INVALID_INPUT", "Revise los datos marcados en el formulario.", { endDate: ["La fecha no puede ser anterior a hoy."] });
  const endAt = data.endDate === guatemalaToday(now) ? now : startOfGuatemalaDay(data.endDate);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Dideduc" WHERE id = ${dideducId} FOR UPDATE`;
    const entry = await tx.authorizedSigner.findUnique({ where: { id: data.signerId } });
    // Another DIDEDUC's entry reads as missing: the Director sees only their own registry.
    if (!entry || entry.office !== "DIDEDUC" || entry.dideducId !== dideducId) {
      throw new DomainError("NOT_FOUND", "Ese firmante no está en el registro de su Dirección Departamental.", { signerId: ["Ese firmante no está en el registro de su Dirección Departamental."] });
    }
    if (entry.revokedAt && entry.revokedAt.getTime() <= now.getTime()) {
      throw new DomainError("NO_CHANGE", `${entry.name} ya no firma por su Dirección Departamental.`, { signerId: [`${entry.name} ya no firma por su Dirección Departamental.`] });
    }
    const pending = await tx.signerChangeRequest.findFirst({ where: { kind: "END", status: "PENDING", authorizedSignerId: entry.id }, select: { id: true } });
    if (pending) throw new DomainError("DUPLICATE_REQUEST", DUPLICATE_END_MESSAGE, { signerId: [DUPLICATE_END_MESSAGE] });
    const request = await tx.signerChangeRequest.create({
      data: { dideducId, requestedById: actor.id, kind: "END", authorizedSignerId: entry.id, name: entry.name, endAt, note: data.reason, createdAt: now },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      data: {
        actorId: actor.id,
        role: "DIDEDUC_SIGNER",
        action: "signer_change.submit",
        note: data.reason,
        ip,
        createdAt: now,
        data: { signerChangeRequestId: request.id, kind: "END", dideducId, authorizedSignerId: entry.id, name: entry.name, endAt: endAt.toISOString() },
      },
    });
    return { id: request.id };
  });
}
