import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dbOf, type TDbOptions } from "./db-options";

const MAX_ROWS = 200;

// The applicant's own cases, newest first, with the action of the latest state change and the
// state it left (they pick the right "next step" message). Served by the (applicantId, createdAt) index.
export async function listApplicantCases(input: { actor: { id: string }; db?: PrismaClient }, options: TDbOptions = {}) {
  const db = await dbOf(options, input);
  const rows = await db.case.findMany({
    where: { applicantId: input.actor.id },
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
      dideduc: { select: { name: true } },
      auditEvents: { where: { toState: { not: null } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { action: true, fromState: true } },
    },
  });
  return rows.map(({ auditEvents, ...c }) => ({ ...c, lastAction: auditEvents[0]?.action ?? null, lastFromState: auditEvents[0]?.fromState ?? null }));
}

export type TApplicantCaseRow = Awaited<ReturnType<typeof listApplicantCases>>[number];
