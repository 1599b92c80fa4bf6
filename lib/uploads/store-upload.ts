import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { z } from "zod";
import type { PrismaClient, UploadedFile } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { FileKind } from "@/lib/generated/prisma/enums";
import { procedureForm } from "@/lib/cases/procedure-forms";
import type { FileStorage } from "@/lib/storage/file-storage";
import { stripHiddenCharacters } from "@/lib/validation/hidden-characters";
import { inspectPdf } from "./inspect-pdf";
import { MAX_FILE_NAME_LENGTH, MAX_FILES_PER_CASE, MAX_PDF_PAGES, MAX_UPLOAD_BYTES } from "./limits";
import { discardBody, receiveToTempFile, type TUploadBody } from "./receive-to-temp-file";
import { UploadError } from "./upload-error";

// The applicant adds files while the case is theirs to edit; after submission the file set is
// what the reviewers are looking at, so it is frozen.
export const UPLOAD_EDITABLE_STATES: readonly CaseState[] = ["DRAFT", "NEEDS_CORRECTION"];

export const ZStoreUploadInput = z.object({
  kind: z.enum(FileKind, { error: "Tipo de documento no reconocido." }),
  originalName: z
    .string({ error: "Falta el nombre del archivo." })
    .transform(cleanFileName)
    .pipe(z.string().min(1, { error: "Falta el nombre del archivo." })),
  caseId: z.string().trim().min(1).max(64).nullish(),
  // The Content-Length the client announced, if any: lets an oversized upload be refused unread.
  declaredSize: z.number().int().nonnegative().nullish(),
});
export type TStoreUploadInput = z.input<typeof ZStoreUploadInput> & { body: TUploadBody };

export type TStoreUploadOptions = {
  db?: PrismaClient;
  storage?: FileStorage;
  tmpDir?: string;
  maxBytes?: number;
  maxPages?: number;
  maxFilesPerCase?: number;
};

// Receives one PDF for `uploader`: streamed to a temp file under a hard byte limit, inspected,
// and only if valid stored by content hash with its UploadedFile row. With a case, only the
// case's own applicant may add to it, while it is editable and has room, and the file must pass
// its procedure's own check if it has one (`checkUpload`, e.g. D.1.2's archive signature). Every
// refusal is an UploadError and leaves no row, no stored file and no temp file.
export async function storeUpload(
  uploader: { id: string },
  input: TStoreUploadInput,
  options: TStoreUploadOptions = {},
): Promise<UploadedFile> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const maxFiles = options.maxFilesPerCase ?? MAX_FILES_PER_CASE;
  let bodyConsumed = false;

  try {
    const parsed = ZStoreUploadInput.safeParse(input);
    if (!parsed.success) throw new UploadError("INVALID_INPUT", parsed.error.issues[0]?.message);
    const { kind, originalName, caseId, declaredSize } = parsed.data;

    const db = options.db ?? (await import("@/lib/db")).db;
    // Refuse before reading a byte when the answer cannot change.
    const procedure = caseId ? await checkCaseAcceptsUpload(db, caseId, uploader.id, maxFiles) : null;
    if (declaredSize != null && declaredSize > maxBytes) throw new UploadError("TOO_LARGE");
    if (declaredSize === 0) throw new UploadError("EMPTY");

    bodyConsumed = true;
    const received = await receiveToTempFile(input.body, { tmpDir: options.tmpDir, maxBytes });
    try {
      const bytes = await fs.readFile(received.path);
      const { pages } = await inspectPdf(bytes, { maxBytes, maxPages: options.maxPages ?? MAX_PDF_PAGES });
      const check = procedure ? procedureForm(procedure)?.checkUpload : undefined;
      if (check && caseId) {
        const refusal = await check({ db, bytes, kind, caseId, now: new Date() });
        if (refusal) throw new UploadError("NOT_ACCEPTED", refusal.message, refusal.code);
      }
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const storage = options.storage ?? (await import("@/lib/storage/get-storage")).getStorage();

      return await db.$transaction(
        async (tx) => {
          if (caseId) {
            // Serializes concurrent uploads to one case, so the file limit holds under races.
            await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
            await checkCaseAcceptsUpload(tx, caseId, uploader.id, maxFiles);
            const duplicate = await tx.uploadedFile.findFirst({ where: { caseId, sha256 }, select: { id: true } });
            if (duplicate) throw new UploadError("DUPLICATE");
          }
          // Stored inside the transaction: a refusal above stores nothing. Writes are idempotent, so
          // a rollback after this line leaves at most bytes that a retry will reuse.
          const stored = await storage.put(bytes);
          if (stored.sha256 !== sha256 || stored.size !== bytes.length) {
            throw new Error(`Storage returned ${stored.sha256}/${stored.size} for ${sha256}/${bytes.length}`);
          }
          return tx.uploadedFile.create({
            data: {
              caseId: caseId ?? null,
              uploaderId: uploader.id,
              kind,
              originalName,
              sha256,
              size: bytes.length,
              pages,
              storageKey: stored.key,
            },
          });
        },
        // A remote storage backend may take seconds for 20 MB.
        { timeout: 120_000, maxWait: 10_000 },
      );
    } finally {
      await fs.rm(received.path, { force: true });
    }
  } finally {
    if (!bodyConsumed) await discardBody(input.body);
  }
}

type TCaseReader = Pick<PrismaClient, "case" | "uploadedFile">;

async function checkCaseAcceptsUpload(db: TCaseReader, caseId: string, uploaderId: string, maxFiles: number): Promise<Procedure> {
  const found = await db.case.findUnique({ where: { id: caseId }, select: { applicantId: true, state: true, procedure: true } });
  // Someone else's case reads as missing: its existence is not disclosed.
  if (!found || found.applicantId !== uploaderId) throw new UploadError("CASE_NOT_FOUND");
  if (!UPLOAD_EDITABLE_STATES.includes(found.state)) throw new UploadError("CASE_LOCKED");
  const count = await db.uploadedFile.count({ where: { caseId } });
  const procedureMax = procedureForm(found.procedure)?.maxFiles;
  if (procedureMax !== undefined && procedureMax < maxFiles && count >= procedureMax) {
    throw new UploadError(
      "TOO_MANY_FILES",
      procedureMax === 1
        ? "Esta solicitud lleva un solo archivo y ya lo tiene. Quítelo si desea subir otro."
        : `Esta solicitud admite hasta ${procedureMax} archivos y ya los tiene. Quite alguno si desea subir otro.`,
    );
  }
  if (count >= maxFiles) throw new UploadError("TOO_MANY_FILES");
  return found.procedure;
}

// Only the last path segment, without control characters, kept to a length a list can show.
function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  // Hidden and control characters removed, NFC (lib/validation/hidden-characters.ts): a name shown
  // to reviewers cannot be reordered by a bidi override ("factura\u202Efdp.exe").
  const clean = stripHiddenCharacters(base).replace(/\s+/g, " ").trim();
  if (clean.length <= MAX_FILE_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  return clean.slice(0, MAX_FILE_NAME_LENGTH - ext.length) + ext;
}
