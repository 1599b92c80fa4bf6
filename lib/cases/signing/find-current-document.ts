import "server-only";
import type { DocumentVersion, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { DocumentStage } from "@/lib/generated/prisma/enums";

const STAGE_ORDER: Record<DocumentStage, number> = { UNSIGNED: 0, DIDEDUC_SIGNED: 1, ISSUED: 2 };

// The case's document as it stands: the latest certification sheet's furthest version (a return
// and a new generation leave the old sheet and its signed versions in the history, not current).
// With `stage`, that stage of the latest sheet that has one. Versions superseded by a return to the
// DIDEDUC's signer (supersededAt) are history only: the sheet's UNSIGNED version is current again.
export async function findCurrentDocument(
  db: PrismaClient | Prisma.TransactionClient,
  caseId: string,
  stage?: DocumentStage,
): Promise<DocumentVersion | null> {
  const versions = await db.documentVersion.findMany({
    where: { caseId, supersededAt: null, ...(stage ? { stage } : {}) },
    include: { sheet: { select: { createdAt: true } } },
  });
  if (versions.length === 0) return null;
  // Sheets are ordered by creation; within a sheet, by stage. A version without a sheet (none
  // today) counts as oldest.
  versions.sort((a, b) => {
    const sa = a.sheet?.createdAt.getTime() ?? 0;
    const sb = b.sheet?.createdAt.getTime() ?? 0;
    if (sa !== sb) return sb - sa;
    if (a.sheetId !== b.sheetId) return b.createdAt.getTime() - a.createdAt.getTime();
    return STAGE_ORDER[b.stage] - STAGE_ORDER[a.stage];
  });
  const { sheet: _sheet, ...current } = versions[0];
  return current;
}
