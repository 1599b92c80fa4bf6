import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveAdminDeps, type TAdminOptions } from "./admin-options";
import { signerStateOf } from "./signer-state";

export const ZListAuthorizedSigners = z.object({
  office: z.enum(["DIDEDUC", "ARCHIVE", "CENTRAL"]).optional().catch(undefined),
  dideducId: z.string().trim().max(100).optional().catch(undefined),
});
export type TListAuthorizedSigners = z.input<typeof ZListAuthorizedSigners>;

// The registry by office and DIDEDUC, with each entry's state today.
export async function listAuthorizedSigners(args: TListAuthorizedSigners, options: TAdminOptions = {}) {
  const { office, dideducId } = ZListAuthorizedSigners.parse(args);
  const { db, now } = await resolveAdminDeps(options);
  const where: Prisma.AuthorizedSignerWhereInput = { ...(office ? { office } : {}), ...(dideducId ? { dideducId } : {}) };
  const rows = await db.authorizedSigner.findMany({
    where,
    orderBy: [{ office: "asc" }, { dideduc: { name: "asc" } }, { name: "asc" }, { validFrom: "desc" }],
    select: {
      id: true, name: true, post: true, office: true, certFingerprint: true, certSubject: true, validFrom: true, validTo: true, revokedAt: true, revokedReason: true,
      dideduc: { select: { id: true, name: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return rows.map((r) => ({ ...r, state: signerStateOf(r, now) }));
}
