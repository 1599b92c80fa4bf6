import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";
import { foldText } from "./fold-text";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";
import type { TSwornTranslatorEntry } from "./search-sworn-translators";

export const ZCheckSwornTranslator = z.object({
  agreementNumber: z.string().trim().min(1, "Escriba el número de acuerdo o resolución.").max(200),
  language: z.string().trim().min(1, "Escriba el idioma de la traducción.").max(60),
  registrationNumber: z.string().trim().min(1, "Escriba el número de registro del traductor en la DIDEDUC.").max(60),
  name: z.string().trim().min(1, "Escriba el nombre del traductor.").max(200),
});
export type TCheckSwornTranslator = z.input<typeof ZCheckSwornTranslator>;

export type TSwornTranslatorRefusal = {
  ok: false;
  code: "NOT_REGISTERED" | "NAME_MISMATCH" | "AGREEMENT_MISMATCH" | "INACTIVE" | "LANGUAGE_NOT_AUTHORIZED";
  // Spanish, for the citizen.
  message: string;
  // The form field to mark.
  field: "registrationNumber" | "name" | "agreementNumber" | "language";
};

export type TSwornTranslatorCheck = { ok: true; translator: TSwornTranslatorEntry } | TSwornTranslatorRefusal;

const compact = (value: string) => foldText(value).replace(/[^a-z0-9]/g, "");
const digits = (value: string) => value.replace(/\D/g, "");

// "Acuerdo Ministerial 2418-2019", "AM 2418-2019" and "2418-2019" name the same agreement.
function sameAgreement(registered: string, typed: string): boolean {
  if (compact(registered) === compact(typed)) return true;
  const d = digits(typed);
  return d.length >= 3 && digits(registered) === d;
}

// D.3: the translator data a citizen typed, checked against the registry (D.4). The translator
// must be registered under that DIDEDUC registration number with that name and agreement, be
// active, and be authorized for that language. Refusals say which, in Spanish.
export async function checkSwornTranslator(args: TCheckSwornTranslator, options: TRegistryOptions = {}): Promise<TSwornTranslatorCheck> {
  const { db } = await resolveRegistryDeps(options);
  return readSwornTranslatorCheck(db, args);
}

// The same check on a given client: D.3's submission runs it again inside its transaction.
export async function readSwornTranslatorCheck(db: PrismaClient | Prisma.TransactionClient, args: TCheckSwornTranslator): Promise<TSwornTranslatorCheck> {
  const input = ZCheckSwornTranslator.parse(args);
  const number = input.registrationNumber.replace(/\s+/g, "");
  const rows = await db.swornTranslator.findMany({
    where: { dideducRegistrationNumber: { equals: number, mode: "insensitive" } },
    include: { dideduc: { select: { id: true, name: true } } },
  });
  if (rows.length === 0) {
    return {
      ok: false,
      code: "NOT_REGISTERED",
      field: "registrationNumber",
      message: `No hay ningún traductor jurado registrado con el número ${number}. Revise el número o búsquelo por su nombre en el registro.`,
    };
  }
  const byName = rows.filter((r) => compact(r.name) === compact(input.name));
  if (byName.length === 0) {
    return {
      ok: false,
      code: "NAME_MISMATCH",
      field: "name",
      message: `El número de registro ${number} no corresponde a ${input.name}. Escriba el nombre como aparece en el registro de traductores jurados.`,
    };
  }
  const entry = byName.find((r) => sameAgreement(r.appointmentResolution, input.agreementNumber));
  if (!entry) {
    return {
      ok: false,
      code: "AGREEMENT_MISMATCH",
      field: "agreementNumber",
      message: `El acuerdo o resolución «${input.agreementNumber}» no es el que consta en el registro para ${byName[0].name}.`,
    };
  }
  const as = describeSwornTranslator(entry.gender);
  if (!entry.active) {
    return {
      ok: false,
      code: "INACTIVE",
      field: "registrationNumber",
      message: `${entry.name} está ${as.registered} como ${as.title}, pero su registro no está activo: no puede certificarse una traducción suya.`,
    };
  }
  const wanted = foldText(input.language);
  if (!entry.languages.some((l) => foldText(l) === wanted)) {
    return {
      ok: false,
      code: "LANGUAGE_NOT_AUTHORIZED",
      field: "language",
      message: `${entry.name} no está ${as.authorized} para traducir ${input.language}; el registro ${as.pronoun} autoriza para: ${entry.languages.join(", ")}.`,
    };
  }
  return {
    ok: true,
    translator: {
      id: entry.id,
      name: entry.name,
      gender: entry.gender,
      languages: entry.languages,
      appointmentResolution: entry.appointmentResolution,
      dideducRegistrationNumber: entry.dideducRegistrationNumber,
      dideduc: entry.dideduc,
      active: entry.active,
      registeredAt: entry.registeredAt,
    },
  };
}
