import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { studentNamesOf } from "./case-search-terms";
import { dbOf, type TDbOptions } from "./db-options";

const MAX_ROWS = 200;

// The applicant's own cases, newest first, with the action of the latest state change and the
// state it left (they pick the right "next step" message). Served by the (applicantId, createdAt) index.
export async function listApplicantCases(input: { actor: { id: string }; db?: PrismaClient }, options: TDbOptions = {}) {
  const db = await dbOf(options, input);
  const rows = await db.case.findMany({
    // A deleted draft (DISCARDED) is no longer the applicant's to see (decision 0020).
    where: { applicantId: input.actor.id, state: { not: "DISCARDED" } },
    orderBy: { createdAt: "desc" },
    take: MAX_ROWS,
    select: {
      id: true,
      number: true,
      procedure: true,
      state: true,
      version: true,
      createdAt: true,
      submittedAt: true,
      updatedAt: true,
      lastNote: true,
      formData: true,
      dideduc: { select: { name: true } },
      auditEvents: { where: { toState: { not: null } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { action: true, fromState: true } },
    },
  });
  return rows.map(({ auditEvents, formData, ...c }) => ({
    ...c,
    // The draft cards say whose request it is (issue #14): the student's names as typed, if any.
    studentName: studentNamesOf(formData).map((n) => n.trim()).filter(Boolean).join(" ") || null,
    lastAction: auditEvents[0]?.action ?? null,
    lastFromState: auditEvents[0]?.fromState ?? null,
  }));
}

export type TApplicantCaseRow = Awaited<ReturnType<typeof listApplicantCases>>[number];
