import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TGrammaticalGender } from "@/lib/wording/choose-gendered-form";
import { foldText } from "./fold-text";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";

export const ZSearchSwornTranslators = z.object({
  q: z.string().trim().max(200).optional().default(""),
  language: z.string().trim().max(60).optional().default(""),
  page: z.coerce.number().int().min(1).max(10000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional().default(20),
  // Staff screens only (administration); a citizen picking a translator sees active ones.
  includeInactive: z.boolean().optional().default(false),
});
export type TSearchSwornTranslators = z.input<typeof ZSearchSwornTranslators>;

export type TSwornTranslatorEntry = {
  id: string;
  name: string;
  // How the translator is named by role (null: not stated; inclusive wording).
  gender: TGrammaticalGender | null;
  languages: string[];
  appointmentResolution: string;
  dideducRegistrationNumber: string;
  dideduc: { id: string; name: string };
  active: boolean;
  registeredAt: Date;
};

// The sworn translators' registry, by a part of the name or of the DIDEDUC registration number,
// optionally one language (accents and case ignored: "ingles" finds "inglés"). The registry is
// small (hundreds), so the language filter and paging run over the matching rows in memory.
export async function searchSwornTranslators(args: TSearchSwornTranslators, options: TRegistryOptions = {}) {
  const { q, language, page, pageSize, includeInactive } = ZSearchSwornTranslators.parse(args);
  const { db } = await resolveRegistryDeps(options);
  const where: Prisma.SwornTranslatorWhereInput = {
    ...(includeInactive ? {} : { active: true }),
    ...(q
      ? {
          OR: [
            { name: { contains: q.replace(/\s+/g, " "), mode: "insensitive" } },
            { dideducRegistrationNumber: { contains: q.replace(/\s+/g, ""), mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const rows = await db.swornTranslator.findMany({ where, orderBy: { name: "asc" }, include: { dideduc: { select: { id: true, name: true } } } });
  const wanted = language ? foldText(language) : null;
  const matching = wanted ? rows.filter((r) => r.languages.some((l) => foldText(l) === wanted)) : rows;
  const total = matching.length;
  return {
    rows: matching.slice((page - 1) * pageSize, page * pageSize).map(
      (r): TSwornTranslatorEntry => ({
        id: r.id,
        name: r.name,
        gender: r.gender,
        languages: r.languages,
        appointmentResolution: r.appointmentResolution,
        dideducRegistrationNumber: r.dideducRegistrationNumber,
        dideduc: r.dideduc,
        active: r.active,
        registeredAt: r.registeredAt,
      }),
    ),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
