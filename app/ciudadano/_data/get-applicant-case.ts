import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// One case of the applicant's own, for the citizen's page, or null when it does not exist or is
// someone else's (the page answers notFound() alike). Staff names are left out of the timeline.
export async function getApplicantCase(input: { actor: { id: string }; caseId: string; db?: PrismaClient }) {
  const db = input.db ?? (await import("@/lib/db")).db;
  const c = await db.case.findUnique({
    where: { id: input.caseId },
    include: {
      dideduc: { select: { id: true, name: true, address: true, phone: true } },
      files: { orderBy: { createdAt: "asc" }, select: { id: true, originalName: true, pages: true, size: true, createdAt: true } },
      auditEvents: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, action: true, fromState: true, toState: true, note: true, createdAt: true, role: true },
      },
    },
  });
  if (!c || c.applicantId !== input.actor.id) return null;
  const { dideduc, files, auditEvents, ...row } = c;
  return { case: row, dideduc, files, events: auditEvents };
}

export type TApplicantCaseView = NonNullable<Awaited<ReturnType<typeof getApplicantCase>>>;
