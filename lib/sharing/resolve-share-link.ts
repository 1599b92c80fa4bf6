import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { shareLinkState } from "./share-link-policy";
import { verifyShareLinkToken } from "./verify-share-link-token";

export type TResolvedShareLink = {
  id: string;
  caseId: string;
  label: string;
  expiresAt: Date;
  revokedAt: Date | null;
  verificationCode: string | null;
};

// What a public share-link address points at. "unknown" for a malformed, forged or tampered token
// and for a link that no longer exists (pages answer 404 alike); "expired" and "revoked" carry the
// link so the page can say when and what to do; "valid" is a link that works now (whether the
// certification itself is still valid is for the caller to check: a revoked one is never served).
export type TShareLinkResolution =
  | { status: "unknown" }
  | { status: "expired" | "revoked" | "valid"; link: TResolvedShareLink };

export async function resolveShareLink(
  token: string,
  options: TDbOptions & { now?: Date; secret?: string } = {},
): Promise<TShareLinkResolution> {
  const id = verifyShareLinkToken(token, { secret: options.secret });
  if (!id) return { status: "unknown" };
  const db = await dbOf(options);
  const row = await db.shareLink.findUnique({ where: { id }, include: { case: { select: { verificationCode: true } } } });
  if (!row) return { status: "unknown" };
  const link: TResolvedShareLink = {
    id: row.id,
    caseId: row.caseId,
    label: row.label,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    verificationCode: row.case.verificationCode,
  };
  const state = shareLinkState(row, options.now ?? new Date());
  return { status: state === "active" ? "valid" : state, link };
}
