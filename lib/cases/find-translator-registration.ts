import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import type { TGrammaticalGender } from "@/lib/wording/choose-gendered-form";
import { dbOf, type TDbOptions } from "./db-options";

export type TTranslatorRegistrationStatus = {
  // The translator's latest D.4 request, if any.
  latestCase: { id: string; number: string; state: CaseState; lastNote: string | null; submittedAt: Date | null; createdAt: Date } | null;
  // Their entry in the sworn translators' registry, once registered.
  entry: {
    id: string;
    name: string;
    gender: TGrammaticalGender | null;
    languages: string[];
    appointmentResolution: string;
    dideducRegistrationNumber: string;
    dideducName: string;
    active: boolean;
    registeredAt: Date;
  } | null;
};

// What the translator's own page shows (D.4): where their registration stands and, once the
// central manager accepted it, their registry entry as the citizens' picker shows it.
export async function findTranslatorRegistration(input: { actor: { id: string }; db?: PrismaClient }, options: TDbOptions = {}): Promise<TTranslatorRegistrationStatus> {
  const db = await dbOf(options, input);
  const [latest, entry] = await Promise.all([
    db.case.findFirst({
      where: { applicantId: input.actor.id, procedure: "TRANSLATOR_REGISTRATION" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, number: true, state: true, lastNote: true, submittedAt: true, createdAt: true },
    }),
    db.swornTranslator.findUnique({ where: { userId: input.actor.id }, include: { dideduc: { select: { name: true } } } }),
  ]);
  return {
    latestCase: latest,
    entry: entry
      ? {
          id: entry.id,
          name: entry.name,
          gender: entry.gender,
          languages: entry.languages,
          appointmentResolution: entry.appointmentResolution,
          dideducRegistrationNumber: entry.dideducRegistrationNumber,
          dideducName: entry.dideduc.name,
          active: entry.active,
          registeredAt: entry.registeredAt,
        }
      : null,
  };
}
