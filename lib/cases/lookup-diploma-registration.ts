import "server-only";
import { countAttempt } from "@/lib/auth/count-attempt";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { DIPLOMA_NUMBER_FORMAT_MESSAGE, normalizeDiplomaNumber } from "@/lib/registry/diploma-number";
import { readDiplomaRecordForHolder } from "@/lib/registry/find-diploma-by-number";
import { HOLDER_PROOF_MISSING_MESSAGE, hasHolderProof, type TDiplomaHolderProof } from "@/lib/registry/match-diploma-holder";
import { NOT_IN_REGISTRY_MESSAGE, type TDiplomaLookupOutcome } from "./forms/diploma-from-2005-form";
import { toDiplomaRegistryView } from "./to-diploma-registry-view";

// A person looks up their own title once or twice; the registry holds graduates' names, and a birth
// date is one of a few thousand values, so one account can neither walk through the registry nor
// try birth dates on a number: a short window, and a day's total.
export const DIPLOMA_LOOKUP_LIMIT = { windowMs: 10 * 60 * 1000, max: 20, dayMs: 24 * 60 * 60 * 1000, dayMax: 60 } as const;

export function lookupThrottleKey(actorId: string): string {
  return `diploma-lookup:${actorId}`;
}

export function lookupDayThrottleKey(actorId: string): string {
  return `diploma-lookup-day:${actorId}`;
}

function rateLimited(resetsAt: Date, now: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 60_000));
  const wait = minutes <= 90 ? `${minutes} ${minutes === 1 ? "minuto" : "minutos"}` : `${Math.ceil(minutes / 60)} horas`;
  return new DomainError("RATE_LIMITED", `Hizo muchas consultas seguidas del registro de títulos. Espere ${wait} y vuelva a intentarlo; lo que escribió se conserva.`);
}

// D.2.2's lookup before anything is uploaded: the number as typed (any spelling) and the graduate's
// CUI or birth date → what the title registry holds, when those match the holder's; otherwise "not
// found", in the same words as a number the registry does not hold (the form then offers D.2.1);
// or that the title was signed by a regional director or a minister (ATE-INS-04: the form stops).
// Counted per account (LoginThrottle counters keyed apart from sign-in), found or not.
export async function lookupDiplomaRegistration(
  input: { actor: { id: string }; registrationNumber: string; holder?: TDiplomaHolderProof },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<TDiplomaLookupOutcome> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const number = normalizeDiplomaNumber(input.registrationNumber);
  if (!number) throw new DomainError("INVALID_INPUT", DIPLOMA_NUMBER_FORMAT_MESSAGE, { registrationNumber: [DIPLOMA_NUMBER_FORMAT_MESSAGE] });
  const holder = input.holder ?? {};
  if (!hasHolderProof(holder)) throw new DomainError("INVALID_INPUT", HOLDER_PROOF_MISSING_MESSAGE, { "student.cui": [HOLDER_PROOF_MISSING_MESSAGE] });

  const windowed = await countAttempt(db, lookupThrottleKey(input.actor.id), DIPLOMA_LOOKUP_LIMIT.windowMs, now);
  const daily = await countAttempt(db, lookupDayThrottleKey(input.actor.id), DIPLOMA_LOOKUP_LIMIT.dayMs, now);
  if (daily.count > DIPLOMA_LOOKUP_LIMIT.dayMax) throw rateLimited(daily.resetsAt, now);
  if (windowed.count > DIPLOMA_LOOKUP_LIMIT.max) throw rateLimited(windowed.resetsAt, now);

  const record = await readDiplomaRecordForHolder(db, number, holder);
  if (!record) return { status: "NOT_FOUND", registrationNumber: number, message: NOT_IN_REGISTRY_MESSAGE(number) };
  if (record.otherProcedure) return { status: "OTHER_PROCEDURE", record: toDiplomaRegistryView(record), message: record.otherProcedure.message };
  return { status: "FOUND", record: toDiplomaRegistryView(record) };
}
