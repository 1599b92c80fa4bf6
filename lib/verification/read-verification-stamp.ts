import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

export type TVerificationStamp = { caseId: string; stamp: string };

export type TVerificationStampRow = { id: string; version: number; updatedAt: Date; documents: bigint | number };

// Everything a verification shows that can change after issuance, in one indexed read: the case row
// (a revocation, a replacement's issuance, which revokes the case it replaces, and every transition
// bump `version` and `updatedAt`) and how many document versions it has (a new version, e.g. the
// issued file's long-term extension, only ever adds one). Also a CTE of a larger statement
// (lib/verification/open-verification.ts).
export function verificationStampSql(code: string): Prisma.Sql {
  return Prisma.sql`
    SELECT c."id", c."version", c."updatedAt",
      (SELECT count(*) FROM "DocumentVersion" d WHERE d."caseId" = c."id") AS "documents"
    FROM "Case" c WHERE c."verificationCode" = ${code}`;
}

export function toVerificationStamp(row: TVerificationStampRow): TVerificationStamp {
  return { caseId: row.id, stamp: `${row.version}:${row.updatedAt.getTime()}:${row.documents}` };
}

// Null for an unknown code.
export async function readVerificationStamp(db: PrismaClient, code: string): Promise<TVerificationStamp | null> {
  const rows = await db.$queryRaw<TVerificationStampRow[]>(verificationStampSql(code));
  return rows[0] ? toVerificationStamp(rows[0]) : null;
}
