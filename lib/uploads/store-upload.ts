import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { z } from "zod";
import type { PrismaClient, UploadedFile } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { FileKind } from "@/lib/generated/prisma/enums";
import { procedureForm } from "@/lib/cases/procedure-forms";
import type { FileStorage } from "@/lib/storage/file-storage";
import { inspectPdf } from "./inspect-pdf";
import {
  MAX_FILE_NAME_LENGTH,
  MAX_FILES_PER_CASE,
  MAX_PDF_PAGES,
  MAX_UNATTACHED_FILES,
  MAX_UNATTACHED_MB,
  MAX_UPLOAD_BYTES,
  UNATTACHED_UPLOAD_TTL_HOURS,
} from "./limits";
import { lockStorageKey } from "./lock-storage-key";
import { receiveToTempFile, type TUploadBody } from "./receive-to-temp-file";
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
  // Limits on the uploader's files not attached to a case (defaults in limits.ts), and the clock
  // that decides which of them are still within their day.
  maxUnattachedFiles?: number;
  maxUnattachedBytes?: number;
  now?: Date;
};

// Receives one PDF for `uploader`: streamed to a temp file under a hard byte limit, inspected,
// and only if valid stored by content hash with its UploadedFile row. With a case, only the
// case's own applicant may add to it, while it is editable and has room, and the file must pass
// its procedure's own check if it has one (`checkUpload`, e.g. D.1.2's archive signature). Without
// a case, the uploader's files not attached to any case must stay within their count and byte
// limits (the sweep removes them after a day). Every refusal is an UploadError and leaves no row,
// no stored file and no temp file. A body refused before it is read is left as it is: the caller
// decides whether to read it to the end (so an HTTP client gets the answer) or to cancel it.
export async function storeUpload(
  uploader: { id: string },
  input: TStoreUploadInput,
  options: TStoreUploadOptions = {},
): Promise<UploadedFile> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const maxFiles = options.maxFilesPerCase ?? MAX_FILES_PER_CASE;
  const unattached: TUnattachedLimits = {
    maxFiles: options.maxUnattachedFiles ?? MAX_UNATTACHED_FILES,
    maxBytes: options.maxUnattachedBytes ?? MAX_UNATTACHED_MB * 1024 * 1024,
    since: new Date((options.now ?? new Date()).getTime() - UNATTACHED_UPLOAD_TTL_HOURS * 3600_000),
  };

  const parsed = ZStoreUploadInput.safeParse(input);
  if (!parsed.success) throw new UploadError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const { kind, originalName, caseId, declaredSize } = parsed.data;

  const db = options.db ?? (await import("@/lib/db")).db;
  // Refuse before reading a byte when the answer cannot change.
  const procedure = caseId ? await checkCaseAcceptsUpload(db, caseId, uploader.id, maxFiles) : null;
  if (declaredSize != null && declaredSize > maxBytes) throw new UploadError("TOO_LARGE");
  if (declaredSize === 0) throw new UploadError("EMPTY");
  if (!caseId) await checkUnattachedRoom(db, uploader.id, declaredSize ?? 0, unattached);

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
        } else {
          // Serializes one account's uploads without a case, so its limits hold under races.
          await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${uploader.id} FOR UPDATE`;
          await checkUnattachedRoom(tx, uploader.id, bytes.length, unattached);
        }
        // The sweep must not delete these bytes between finding them stored and the row below.
        await lockStorageKey(tx, sha256);
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
}

type TUnattachedLimits = { maxFiles: number; maxBytes: number; since: Date };

// Counts only the files of the last day: older ones are the sweep's, whether or not it ran yet.
async function checkUnattachedRoom(db: Pick<PrismaClient, "uploadedFile">, uploaderId: string, incoming: number, limits: TUnattachedLimits): Promise<void> {
  const held = await db.uploadedFile.aggregate({
    where: { uploaderId, caseId: null, createdAt: { gte: limits.since } },
    _count: { _all: true },
    _sum: { size: true },
  });
  const count = held._count._all;
  const bytes = held._sum.size ?? 0;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(".", ",").replace(/,0$/, "");
  const after = `Adjunte a una solicitud los que necesite; los archivos que no se adjuntan se borran solos a las ${UNATTACHED_UPLOAD_TTL_HOURS} horas de subirlos.`;
  if (count >= limits.maxFiles) {
    throw new UploadError(
      "UNATTACHED_LIMIT",
      `Ya tiene ${count} archivos subidos sin adjuntar a una solicitud, y el máximo es ${limits.maxFiles}. ${after}`,
    );
  }
  if (bytes + incoming > limits.maxBytes) {
    throw new UploadError(
      "UNATTACHED_LIMIT",
      `Sus archivos subidos sin adjuntar a una solicitud suman ${mb(bytes)} MB y con este pasarían del máximo de ${mb(limits.maxBytes)} MB. ${after}`,
    );
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
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
  if (clean.length <= MAX_FILE_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  return clean.slice(0, MAX_FILE_NAME_LENGTH - ext.length) + ext;
}
