import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { ZContact, ZRequestableDocument, type TGuidanceContact, type TRequestableDocument } from "@/lib/workflow/inputs";

type TDb = PrismaClient | Prisma.TransactionClient;

const ZRequestDocumentsGuidance = z.object({
  kind: z.literal("REQUEST_DOCUMENTS"),
  documents: z.array(ZRequestableDocument).min(1),
  // The placeholder mark stored at the rejection (lib/workflow/mark-placeholder-contact.ts).
  contact: ZContact.extend({ isPlaceholder: z.boolean().optional() }),
});

export type TRequestedDocuments = {
  documents: TRequestableDocument[];
  // Where the reviewer said to obtain them.
  contact: TGuidanceContact;
  // The rejected case that asked for them.
  parentCaseId: string;
  parentNumber: string;
};

// The documents a reviewer asked for (D.2.1, Nota 2) when rejecting the case this one was started
// from: the new request must carry them before it can be submitted. Read from the parent's stored
// guidance, never from the form, so the citizen cannot drop the requirement by editing the draft.
// Null when the case was not started from such a rejection.
export async function findRequestedDocuments(db: TDb, caseId: string): Promise<TRequestedDocuments | null> {
  const row = await db.case.findUnique({
    where: { id: caseId },
    select: { procedure: true, parentCase: { select: { id: true, number: true, procedure: true, guidance: true } } },
  });
  const parent = row?.parentCase;
  if (!row || !parent || parent.procedure !== row.procedure) return null;
  const guidance = ZRequestDocumentsGuidance.safeParse(parent.guidance);
  if (!guidance.success) return null;
  return {
    documents: [...new Set(guidance.data.documents)],
    contact: guidance.data.contact,
    parentCaseId: parent.id,
    parentNumber: parent.number,
  };
}
