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
  const newIds = new Map<string, string>();
  for (const f of files) {
    const copy = await tx.uploadedFile.create({
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
      select: { id: true },
    });
    newIds.set(f.id, copy.id);
  }
  await carryBlankBackDeclarations(tx, toCaseId, newIds);
  return files.length;
}

// D.1.1's "the back of this document is blank" is declared per file id (formData.blankBackFileIds,
// decision 0013): the copied form data names the old rows, so it is pointed at their copies. A
// declaration for a file not copied is dropped: that document is attached anew and asked again.
async function carryBlankBackDeclarations(tx: Prisma.TransactionClient, caseId: string, newIds: ReadonlyMap<string, string>): Promise<void> {
  const row = await tx.case.findUnique({ where: { id: caseId }, select: { formData: true } });
  const data = row?.formData;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return;
  const declared = (data as Record<string, unknown>).blankBackFileIds;
  if (!Array.isArray(declared)) return;
  const carried = declared.flatMap((id) => (typeof id === "string" && newIds.has(id) ? [newIds.get(id)!] : []));
  await tx.case.update({ where: { id: caseId }, data: { formData: { ...(data as Record<string, unknown>), blankBackFileIds: carried } as Prisma.InputJsonValue } });
}
