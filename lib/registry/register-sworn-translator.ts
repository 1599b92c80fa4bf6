import "server-only";
import type { Prisma, SwornTranslator } from "@/lib/generated/prisma/client";
import type { TGrammaticalGender } from "@/lib/wording/choose-gendered-form";
import { foldText, tidyText } from "./fold-text";

export type TRegisterSwornTranslatorInput = {
  // The translator's account (the D.4 applicant).
  userId: string;
  name: string;
  // As the translator stated it in the registration (null: not asked then).
  gender: TGrammaticalGender | null;
  languages: readonly string[];
  appointmentResolution: string;
  dideducId: string;
  dideducRegistrationNumber: string;
  // The accepted D.4 case.
  registrationCaseId: string;
  now: Date;
};

export type TRegisterSwornTranslatorResult =
  | { ok: true; entry: SwornTranslator; created: boolean }
  | { ok: false; code: "NUMBER_TAKEN" | "ACCOUNT_HAS_OTHER_ENTRY" | "DIDEDUC_NOT_FOUND"; message: string };

// Who else holds a registration number of a DIDEDUC, before the registration is sent (D.4 form)
// and again when it is accepted: an entry with that number that belongs to another account.
export async function findRegistrationNumberHolder(
  db: Prisma.TransactionClient,
  args: { dideducId: string; dideducRegistrationNumber: string; userId: string },
): Promise<{ name: string } | null> {
  const entry = await db.swornTranslator.findFirst({
    where: { dideducId: args.dideducId, dideducRegistrationNumber: { equals: args.dideducRegistrationNumber, mode: "insensitive" } },
    select: { userId: true, name: true },
  });
  if (!entry || entry.userId === null || entry.userId === args.userId) return null;
  return { name: entry.name };
}

// D.4 accepted: the translator's registry entry, written with the transaction of the acceptance.
// - No entry with that DIDEDUC and registration number: created, linked to the account and case.
// - One exists (imported before the platform, or an earlier registration of the same account):
//   updated with the accepted data and made active again.
// - It belongs to another account: refused, nothing written (the manager is told whose it is).
// An account holds one entry: a translator registering again under another number moves it.
export async function registerSwornTranslator(tx: Prisma.TransactionClient, input: TRegisterSwornTranslatorInput): Promise<TRegisterSwornTranslatorResult> {
  const dideduc = await tx.dideduc.findUnique({ where: { id: input.dideducId }, select: { id: true, name: true } });
  if (!dideduc) {
    return { ok: false, code: "DIDEDUC_NOT_FOUND", message: "La Dirección Departamental indicada en la solicitud ya no existe en el directorio. Rechace la solicitud para que el traductor la corrija." };
  }
  const number = input.dideducRegistrationNumber.replace(/\s+/g, "").toUpperCase();
  const byNumber = await tx.swornTranslator.findFirst({
    where: { dideducId: dideduc.id, dideducRegistrationNumber: { equals: number, mode: "insensitive" } },
  });
  if (byNumber && byNumber.userId !== null && byNumber.userId !== input.userId) {
    return {
      ok: false,
      code: "NUMBER_TAKEN",
      message: `El número de registro ${number} de la DIDEDUC ${dideduc.name} ya pertenece a otro traductor jurado (${byNumber.name}). No se registró nada: rechace la solicitud indicando el requisito, o corrija el registro existente en la administración.`,
    };
  }
  const byAccount = await tx.swornTranslator.findUnique({ where: { userId: input.userId } });
  if (byAccount && byNumber && byAccount.id !== byNumber.id) {
    return {
      ok: false,
      code: "ACCOUNT_HAS_OTHER_ENTRY",
      message: `Esta cuenta ya tiene otra inscripción en el registro (número ${byAccount.dideducRegistrationNumber}), y el número ${number} consta en otra inscripción sin cuenta. No se registró nada: unifique las dos inscripciones en la administración antes de aceptar.`,
    };
  }

  const data = {
    userId: input.userId,
    name: tidyText(input.name),
    // A registration without the answer leaves what the entry already says.
    ...(input.gender ? { gender: input.gender } : {}),
    languages: dedupeLanguages(input.languages),
    appointmentResolution: tidyText(input.appointmentResolution),
    dideducId: dideduc.id,
    dideducRegistrationNumber: number,
    active: true,
    registrationCaseId: input.registrationCaseId,
  };
  const existing = byNumber ?? byAccount;
  if (existing) {
    const entry = await tx.swornTranslator.update({ where: { id: existing.id }, data });
    return { ok: true, entry, created: false };
  }
  const entry = await tx.swornTranslator.create({ data: { ...data, registeredAt: input.now } });
  return { ok: true, entry, created: true };
}

function dedupeLanguages(languages: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of languages) {
    const clean = tidyText(l);
    const key = foldText(clean);
    if (clean && !seen.has(key)) {
      seen.add(key);
      out.push(clean);
    }
  }
  return out;
}
