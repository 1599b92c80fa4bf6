import "server-only";
import type { Case, Dideduc, PrismaClient } from "@/lib/generated/prisma/client";
import { allowedDideducSignerPosts } from "@/lib/registry/dideduc-signer-posts";
import { buildCertificationPdf, type TBuiltCertificationPdf } from "@/lib/pdf/build-certification-pdf";
import { PdfMergeError } from "@/lib/pdf/merge-pdfs";
import type { FileStorage } from "@/lib/storage/file-storage";
import { DomainError } from "@/lib/errors";
import { buildSheetData, type TSheetSignerHint } from "../build-sheet-data";
import { findMergedFiles, issuedByCentralOnly, procedureSheet } from "../procedure-sheets";

// The DIDEDUC's active authorized signer, when everyone currently registered for it (with a post its
// type allows: no one else can sign, decision 0014) is one person: then the sheet can print the
// name and post; otherwise only the posts that may sign (the signature carries name and post).
async function findDideducSignerHint(db: PrismaClient, dideduc: Pick<Dideduc, "id" | "type">, now: Date): Promise<TSheetSignerHint> {
  const active = await db.authorizedSigner.findMany({
    where: {
      office: "DIDEDUC",
      dideducId: dideduc.id,
      signerPost: { in: [...allowedDideducSignerPosts(dideduc.type)] },
      OR: [{ revokedAt: null }, { revokedAt: { gt: now } }],
      validFrom: { lte: now },
      validTo: { gte: now },
    },
    select: { name: true, post: true },
  });
  const people = new Set(active.map((a) => `${a.name}\u0000${a.post}`));
  return people.size === 1 ? active[0] : null;
}

// Renders a case's certification: the sheet of its procedure (procedure-sheets.ts) with its data,
// QR and code, merged in front of the uploaded files the procedure certifies, in upload order, with
// the procedure's attachments embedded unchanged. Reads only; the caller stores what it keeps.
// `centralSigner`: who signs, when the sheet is rendered at the central signature itself.
export async function renderCaseCertification(
  db: PrismaClient,
  storage: FileStorage,
  args: { caseRow: Case; verificationCode: string; now: Date; preview?: boolean; centralSigner?: TSheetSignerHint },
): Promise<TBuiltCertificationPdf> {
  const { caseRow } = args;
  const entry = procedureSheet(caseRow.procedure);
  const centralOnly = issuedByCentralOnly(caseRow.procedure);
  if (!centralOnly && !caseRow.dideducId) throw new DomainError("NO_DIDEDUC", "La solicitud no indica su Dirección Departamental.");
  const dideduc = caseRow.dideducId ? await db.dideduc.findUniqueOrThrow({ where: { id: caseRow.dideducId } }) : null;
  const files = await findMergedFiles(db, caseRow);
  if (files.length === 0) throw new DomainError("NO_SCANS", "La solicitud no tiene documentos escaneados.");
  const applicant = await db.user.findUnique({ where: { id: caseRow.applicantId }, select: { name: true } });

  const sheet = buildSheetData({
    caseRow,
    dideduc,
    verificationCode: args.verificationCode,
    now: args.now,
    preview: args.preview,
    dideducSigner: !centralOnly && dideduc ? await findDideducSignerHint(db, dideduc, args.now) : null,
    centralSigner: args.centralSigner ?? null,
    applicantName: applicant?.name ?? null,
    lookup: entry.lookup ? await entry.lookup(caseRow, { db, storage, now: args.now }) : undefined,
  });
  const [scans, attachments] = await Promise.all([
    Promise.all(files.map((f) => storage.get(f.storageKey))),
    entry.attachments ? entry.attachments(caseRow, { db, storage, now: args.now }) : Promise.resolve([]),
  ]);
  try {
    return await buildCertificationPdf({
      sheet,
      scans,
      attachments: attachments.map((a) => ({ name: a.fileName, bytes: a.bytes, description: a.description, mimeType: a.mimeType })),
      now: args.now,
    });
  } catch (error) {
    // A file that passed the upload checks but cannot be merged: the reviewer asks for a new one.
    if (error instanceof PdfMergeError) throw new DomainError(`PDF_${error.code}`, error.message);
    throw error;
  }
}
