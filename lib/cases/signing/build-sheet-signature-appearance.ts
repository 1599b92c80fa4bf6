import { ZCertificationSheetData, type TSignerRole } from "@/lib/pdf/sheet-data";
import { buildSignatureAppearance, type TSignatureAppearance } from "@/lib/signing/build-signature-appearance";

// The visible appearance of `role`'s signature on a case's document: in the box the sheet
// printed for that signer (CertificationSheet.data.signatureBoxes, recorded when the sheet was
// rendered), drawing the signer's name, post and office and the signing time. Undefined — an
// invisible signature, as before — for a sheet stored before the boxes existed, or one without a
// box for that role: a box the sheet does not show is never made up.
export function buildSheetSignatureAppearance(
  sheetData: unknown,
  role: TSignerRole,
  signer: { name: string; post: string; office: string },
  signedAt: Date,
): TSignatureAppearance | undefined {
  const parsed = ZCertificationSheetData.safeParse(sheetData);
  const box = parsed.success ? parsed.data.signatureBoxes?.find((b) => b.role === role) : undefined;
  if (!box) return undefined;
  return { pageIndex: box.pageIndex, rect: box.rect, lines: buildSignatureAppearance({ ...signer, signedAt }) };
}
