import "server-only";
import type { Case, PrismaClient } from "@/lib/generated/prisma/client";
import { buildCertificationPdf, type TBuiltCertificationPdf } from "@/lib/pdf/build-certification-pdf";
import { PdfMergeError } from "@/lib/pdf/merge-pdfs";
import type { FileStorage } from "@/lib/storage/file-storage";
import { DomainError } from "@/lib/errors";
import { buildSheetData, type TSheetSignerHint } from "../build-sheet-data";

// The DIDEDUC's active authorized signer, when everyone currently registered for it is one person:
// then the sheet can print the name; otherwise only the post (the signature carries the name).
async function findDideducSignerHint(db: PrismaClient, dideducId: string, now: Date): Promise<TSheetSignerHint> {
  const active = await db.authorizedSigner.findMany({
    where: { office: "DIDEDUC", dideducId, revokedAt: null, validFrom: { lte: now }, validTo: { gte: now } },
    select: { name: true, post: true },
  });
  const names = new Set(active.map((a) => a.name));
  return names.size === 1 ? active[0] : null;
}

// Renders a case's certification: the sheet with its data, QR and code, merged in front of the
// uploaded scans in the order they were uploaded. Reads only; the caller stores what it keeps.
export async function renderCaseCertification(
  db: PrismaClient,
  storage: FileStorage,
  args: { caseRow: Case; verificationCode: string; now: Date; preview?: boolean },
): Promise<TBuiltCertificationPdf> {
  const { caseRow } = args;
  if (!caseRow.dideducId) throw new DomainError("NO_DIDEDUC", "La solicitud no indica su Dirección Departamental.");
  const dideduc = await db.dideduc.findUniqueOrThrow({ where: { id: caseRow.dideducId } });
  const files = await db.uploadedFile.findMany({ where: { caseId: caseRow.id, kind: "SCAN" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (files.length === 0) throw new DomainError("NO_SCANS", "La solicitud no tiene documentos escaneados.");

  const sheet = buildSheetData({
    caseRow,
    dideduc,
    verificationCode: args.verificationCode,
    now: args.now,
    preview: args.preview,
    dideducSigner: await findDideducSignerHint(db, dideduc.id, args.now),
  });
  const scans = await Promise.all(files.map((f) => storage.get(f.storageKey)));
  try {
    return await buildCertificationPdf({ sheet, scans, now: args.now });
  } catch (error) {
    // A scan that passed the upload checks but cannot be merged: the reviewer asks for a new one.
    if (error instanceof PdfMergeError) throw new DomainError(`PDF_${error.code}`, error.message);
    throw error;
  }
}
