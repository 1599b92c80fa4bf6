import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "./db-options";

export type TReissueLink = { id: string; number: string; state: CaseState; verificationCode: string | null; issuedAt: Date | null; createdAt: Date };

export type TReissueLinks = {
  // This case is a corrected re-issue of that one.
  reissueOf: TReissueLink | null;
  // What central staff asked to correct (the note of this case's creation), when it is a re-issue.
  reissueNote: string | null;
  // The corrected re-issues started from this case, newest first.
  reissues: TReissueLink[];
};

const LINK = { id: true, number: true, state: true, verificationCode: true, issuedAt: true, createdAt: true } as const;

// The re-issue links of a case for its pages. Call only after getCaseForActor said the person may
// see this case: the linked cases are the same holder's certifications of the same procedure, which
// anyone who may see one of them may know the number and state of.
export async function findReissueLinks(input: { caseId: string; db?: PrismaClient }, options: TDbOptions = {}): Promise<TReissueLinks> {
  const db = await dbOf(options, input);
  const row = await db.case.findUnique({
    where: { id: input.caseId },
    select: {
      reissueOf: { select: LINK },
      reissues: { select: LINK, orderBy: [{ createdAt: "desc" }, { number: "desc" }] },
    },
  });
  if (!row) return { reissueOf: null, reissueNote: null, reissues: [] };
  const created = row.reissueOf
    ? await db.auditEvent.findFirst({ where: { caseId: input.caseId, action: "create" }, orderBy: { id: "asc" }, select: { note: true } })
    : null;
  return { reissueOf: row.reissueOf, reissueNote: created?.note ?? null, reissues: row.reissues };
}
