import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { DIPLOMA_NUMBER_FORMAT_MESSAGE, normalizeDiplomaNumber } from "@/lib/registry/diploma-number";
import { readDiplomaRecord } from "@/lib/registry/find-diploma-by-number";
import { NOT_IN_REGISTRY_MESSAGE, type TDiplomaLookupOutcome } from "./forms/diploma-from-2005-form";
import { toDiplomaRegistryView } from "./to-diploma-registry-view";

// A person looks up their own title once or twice; the registry holds graduates' names, so one
// account cannot walk through it by number.
export const DIPLOMA_LOOKUP_LIMIT = { windowMs: 10 * 60 * 1000, max: 20 } as const;

export function lookupThrottleKey(actorId: string): string {
  return `diploma-lookup:${actorId}`;
}

// D.2.2's lookup before anything is uploaded: the number as typed (any spelling) → what the title
// registry holds, or that it is not there (the form then offers D.2.1), or that the title was signed
// by a regional director or a minister (ATE-INS-04: the form stops). Counted per account in a
// fixed window (the LoginThrottle table's counter, keyed apart from sign-in), one atomic upsert.
export async function lookupDiplomaRegistration(
  input: { actor: { id: string }; registrationNumber: string },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<TDiplomaLookupOutcome> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const number = normalizeDiplomaNumber(input.registrationNumber);
  if (!number) throw new DomainError("INVALID_INPUT", DIPLOMA_NUMBER_FORMAT_MESSAGE, { registrationNumber: [DIPLOMA_NUMBER_FORMAT_MESSAGE] });

  const windowStartBefore = new Date(now.getTime() - DIPLOMA_LOOKUP_LIMIT.windowMs);
  const [count] = await db.$queryRaw<{ failures: number; windowStart: Date }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "updatedAt")
    VALUES (${lookupThrottleKey(input.actor.id)}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowStartBefore} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowStartBefore} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING "failures", "windowStart"`;
  if (count && count.failures > DIPLOMA_LOOKUP_LIMIT.max) {
    const until = new Date(count.windowStart).getTime() + DIPLOMA_LOOKUP_LIMIT.windowMs;
    const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
    throw new DomainError(
      "RATE_LIMITED",
      `Hizo muchas consultas seguidas del registro de títulos. Espere ${minutes} ${minutes === 1 ? "minuto" : "minutos"} y vuelva a intentarlo; lo que escribió se conserva.`,
    );
  }

  const record = await readDiplomaRecord(db, number);
  if (!record) return { status: "NOT_FOUND", registrationNumber: number, message: NOT_IN_REGISTRY_MESSAGE(number) };
  if (record.otherProcedure) return { status: "OTHER_PROCEDURE", record: toDiplomaRegistryView(record), message: record.otherProcedure.message };
  return { status: "FOUND", record: toDiplomaRegistryView(record) };
}
