import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { CENTRAL_ROLES } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

// Dependencies of the signer change operations (Nota 3): the app passes none; tests pass theirs.
export type TSignerChangeOptions = { db?: PrismaClient; now?: Date; ip?: string | null };
export type TSignerChangeActor = Pick<TActor, "id" | "roles" | "dideducId">;

export async function resolveSignerChangeDeps(options: TSignerChangeOptions = {}) {
  const db = options.db ?? (await import("@/lib/db")).db;
  return { db, now: options.now ?? new Date(), ip: options.ip ?? null };
}

// "La Dirección Departamental de Educación deberá notificar…": the DIDEDUC's signer (the Director)
// of their own DIDEDUC, by a role they hold — a delegation of review or signature does not carry it.
export function assertDideducDirector(actor: TSignerChangeActor): string {
  if (!actor.roles.includes("DIDEDUC_SIGNER") || !actor.dideducId) {
    throw new DomainError("FORBIDDEN", "Solo la Dirección de una Dirección Departamental puede notificar a sus firmantes.");
  }
  return actor.dideducId;
}

// "…notificar al departamento de Atención al ciudadano": its assistant, coordinator or manager.
export function assertCentralReviewer(actor: TSignerChangeActor): Role {
  const role = CENTRAL_ROLES.find((r) => actor.roles.includes(r));
  if (!role) throw new DomainError("FORBIDDEN", "Solo el Departamento de Atención al Ciudadano revisa las notificaciones de firmantes.");
  return role;
}

// Guatemala's calendar day (UTC−6, no daylight saving time) of a form's date input, as the moment it starts.
export function startOfGuatemalaDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00-06:00`);
}

export function guatemalaToday(now: Date): string {
  return new Date(now.getTime() - 6 * 3600_000).toISOString().slice(0, 10);
}
