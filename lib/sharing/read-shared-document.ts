import "server-only";
import { readIssuedDocumentByCode, type TCaseDocument } from "@/lib/cases/read-case-document";
import type { TCertifyOptions } from "@/lib/cases/signing/certify-options";
import { resolveShareLink, type TResolvedShareLink } from "./resolve-share-link";

export type TSharedDocument =
  | { ok: true; link: TResolvedShareLink; document: TCaseDocument }
  // "unknown": no such link (404). "gone": the link expired or was revoked, or the certification
  // is no longer ISSUED (revoked): it existed, and is no longer served (410).
  | { ok: false; reason: "unknown" | "gone" };

// The issued PDF behind a share link, only while the link works and the certification is ISSUED
// and not revoked; the bytes are checked against the SHA-256 recorded at issuance.
export async function readSharedDocument(token: string, options: TCertifyOptions & { secret?: string } = {}): Promise<TSharedDocument> {
  const resolved = await resolveShareLink(token, { db: options.db, now: options.now, secret: options.secret });
  if (resolved.status === "unknown") return { ok: false, reason: "unknown" };
  if (resolved.status !== "valid" || !resolved.link.verificationCode) return { ok: false, reason: "gone" };
  const document = await readIssuedDocumentByCode(resolved.link.verificationCode, options);
  if (!document) return { ok: false, reason: "gone" };
  return { ok: true, link: resolved.link, document };
}
