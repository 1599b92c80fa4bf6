import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dideducOfficeName } from "@/lib/pdf/certifying-statement";
import { CENTRAL_OFFICE, type TSignerRole } from "@/lib/pdf/sheet-data";
import type { TSignatureAppearance } from "@/lib/signing/build-signature-appearance";
import { buildSheetSignatureAppearance } from "./build-sheet-signature-appearance";

// The appearance of a signature on a stored document (the DIDEDUC's on the UNSIGNED file, the
// central office's countersignature on the DIDEDUC_SIGNED one): the box comes from the sheet the
// document was rendered from, the office from who signs — the DIDEDUC's name, or the central office.
export async function findSignatureAppearance(
  db: PrismaClient,
  args: { sheetId: string | null; role: TSignerRole; dideducName: string | null; signer: { name: string; post: string }; signedAt: Date },
): Promise<TSignatureAppearance | undefined> {
  if (!args.sheetId) return undefined;
  const sheet = await db.certificationSheet.findUnique({ where: { id: args.sheetId }, select: { data: true } });
  const office =
    args.role === "CENTRAL" ? CENTRAL_OFFICE : args.dideducName ? dideducOfficeName(args.dideducName) : "Dirección Departamental de Educación";
  return buildSheetSignatureAppearance(sheet?.data, args.role, { name: args.signer.name, post: args.signer.post, office }, args.signedAt);
}
