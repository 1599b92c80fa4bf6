import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DiplomaSignatory } from "@/lib/generated/prisma/enums";
import { normalizeDiplomaNumber } from "./diploma-number";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";

export const ZSearchDiplomas = z.object({
  q: z.string().trim().max(200).optional().default(""),
  page: z.coerce.number().int().min(1).max(100000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional().default(25),
});
export type TSearchDiplomas = z.input<typeof ZSearchDiplomas>;

export type TDiplomaRow = {
  id: string;
  registrationNumber: string;
  holderName: string;
  degree: string;
  school: string;
  year: number;
  dideducName: string | null;
  // DIDEDUC, or a regional director or a minister (those titles follow ATE-INS-04, not D.2.2).
  signedBy: DiplomaSignatory;
  importBatch: string | null;
};

// The administrator's listing of the title registry: by registration number (any spelling a
// person types) or by a part of the holder's name, newest registration numbers first.
export async function searchDiplomas(args: TSearchDiplomas, options: TRegistryOptions = {}) {
  const { q, page, pageSize } = ZSearchDiplomas.parse(args);
  const { db } = await resolveRegistryDeps(options);
  const number = q ? normalizeDiplomaNumber(q) : null;
  const where: Prisma.DiplomaRegistryWhereInput = !q
    ? {}
    : number
      ? { registrationNumber: number }
      : {
          OR: [
            { holderName: { contains: q.replace(/\s+/g, " "), mode: "insensitive" } },
            { registrationNumber: { contains: q.toUpperCase() } },
          ],
        };
  const [total, rows] = await Promise.all([
    db.diplomaRegistry.count({ where }),
    db.diplomaRegistry.findMany({
      where,
      orderBy: { registrationNumber: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { dideduc: { select: { name: true } } },
    }),
  ]);
  return {
    rows: rows.map(
      (r): TDiplomaRow => ({
        id: r.id,
        registrationNumber: r.registrationNumber,
        holderName: r.holderName,
        degree: r.degree,
        school: r.school,
        year: r.year,
        dideducName: r.dideduc?.name ?? null,
        signedBy: r.signedBy,
        importBatch: r.importBatch,
      }),
    ),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
