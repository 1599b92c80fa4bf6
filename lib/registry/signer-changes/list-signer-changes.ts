import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SignerChangeStatus } from "@/lib/generated/prisma/enums";
import { dideducSignerPostTitle } from "@/lib/registry/dideduc-signer-posts";
import { readCertificate } from "@/lib/pki/read-certificate";
import { resolveSignerChangeDeps, type TSignerChangeOptions } from "./signer-change-options";

// DIDEDUCs' notices of signers, newest first: one DIDEDUC's (its Director's page; the caller passes
// the actor's own DIDEDUC) or all (Atención al Ciudadano), optionally by status. ADD notices carry
// what the certificate says (subject, issuer, validity, serial) for the reviewer to compare.
export async function listSignerChanges(args: { dideducId?: string; status?: SignerChangeStatus; take?: number }, options: TSignerChangeOptions = {}) {
  const { db } = await resolveSignerChangeDeps(options);
  const where: Prisma.SignerChangeRequestWhereInput = { ...(args.dideducId ? { dideducId: args.dideducId } : {}), ...(args.status ? { status: args.status } : {}) };
  const rows = await db.signerChangeRequest.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: args.take ?? 100,
    include: {
      dideduc: { select: { name: true, type: true } },
      requestedBy: { select: { name: true, email: true } },
      reviewedBy: { select: { name: true } },
      user: { select: { name: true, email: true } },
      authorizedSigner: { select: { name: true, post: true, certFingerprint: true, validFrom: true, validTo: true } },
    },
  });
  return rows.map((r) => {
    let certificate: { subject: string; issuer: string; serialNumber: string; validFrom: Date; validTo: Date } | null = null;
    if (r.certPem) {
      const info = readCertificate(r.certPem);
      certificate = { subject: info.subject, issuer: info.issuer, serialNumber: info.serialNumber, validFrom: info.validFrom, validTo: info.validTo };
    }
    return { ...r, certPem: undefined, postTitle: r.signerPost ? dideducSignerPostTitle(r.signerPost, r.gender) : (r.authorizedSigner?.post ?? null), certificate };
  });
}
