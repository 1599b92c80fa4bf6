import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { transition } from "@/lib/workflow/transition";
import { dbOf, type TDbOptions } from "./db-options";

export type TDeleteDraftCaseInput = {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  ip: string | null;
  now?: Date;
  db?: PrismaClient;
};

// The applicant deletes their own DRAFT (issue #14; decision 0020): `discard_draft` through
// transition() (applicant only, DRAFT only, version-guarded, audited), and in the same transaction
// the draft's typed data is cleared and its files are detached, so the upload sweep removes them
// (and their stored bytes, when no other row uses them) like any upload never attached to a case.
// The row stays as a tombstone in DISCARDED: its number and its audit events keep their case.
export async function deleteDraftCase(input: TDeleteDraftCaseInput, options: TDbOptions = {}): Promise<{ releasedFiles: number }> {
  const db = await dbOf(options, input);
  const auditData: Record<string, unknown> = {};
  await transition(input.caseId, "discard_draft", input.actor, {}, input.expectedVersion, {
    db,
    ip: input.ip,
    now: input.now,
    auditData,
    apply: async (tx, caseRow) => {
      // transition()'s guarded update already holds the case's row lock, the one uploads and file
      // removals take, so no upload lands on the draft as it goes (they then find it DISCARDED).
      const released = await tx.uploadedFile.updateMany({ where: { caseId: caseRow.id }, data: { caseId: null } });
      auditData.releasedFiles = released.count;
      return { formData: {}, searchTerms: [], dideducId: null, lastNote: null };
    },
  });
  return { releasedFiles: Number(auditData.releasedFiles ?? 0) };
}
