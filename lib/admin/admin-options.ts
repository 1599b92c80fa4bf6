import "server-only";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { DomainError, type TFieldErrors } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Dependencies of the administration operations: the app passes none; tests pass their database and clock.
export type TAdminOptions = { db?: PrismaClient; now?: Date; ip?: string | null };

export type TAdminActor = Pick<TActor, "id" | "roles">;

export async function resolveAdminDeps(options: TAdminOptions = {}) {
  const db = options.db ?? (await import("@/lib/db")).db;
  return { db, now: options.now ?? new Date(), ip: options.ip ?? null };
}

// Every operation checks the role itself: the action wrapper and the layout are not the only gate.
export function assertAdmin(actor: TAdminActor): void {
  if (!actor.roles.includes("ADMIN")) throw new DomainError("FORBIDDEN", "Solo la administración del sistema puede hacer este cambio.");
}

export function invalidInput(fieldErrors: TFieldErrors): DomainError {
  return new DomainError("INVALID_INPUT", "Revise los datos marcados en el formulario.", fieldErrors);
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: TFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw invalidInput(fieldErrors);
}
