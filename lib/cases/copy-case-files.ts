import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FileKind } from "@/lib/generated/prisma/enums";

// Copies the uploaded-file rows of one case onto another (a new request started from a rejected
// one), in the caller's transaction. Only rows are new: the stored bytes are content-addressed and
// shared, never duplicated or rewritten. `exceptKinds` leaves out what must be attached anew.
export async function copyCaseFiles(
  tx: Prisma.TransactionClient,
  fromCaseId: string,
  toCaseId: string,
  options: { exceptKinds?: readonly FileKind[] } = {},
): Promise<number> {
  const files = await tx.uploadedFile.findMany({
    where: { caseId: fromCaseId, ...(options.exceptKinds?.length ? { kind: { notIn: [...options.exceptKinds] } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const f of files) {
    await tx.uploadedFile.create({
      data: {
        caseId: toCaseId,
        uploaderId: f.uploaderId,
        kind: f.kind,
        originalName: f.originalName,
        sha256: f.sha256,
        size: f.size,
        pages: f.pages,
        storageKey: f.storageKey,
        // The original upload time: the sheet merges scans in upload order, and the copies come
        // before anything attached to the new request.
        createdAt: f.createdAt,
      },
    });
  }
  return files.length;
}
