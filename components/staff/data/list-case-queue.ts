import "server-only";
import { dbOf, type TDataOptions } from "./data-options";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import type { TSessionUser } from "@/lib/auth/session-user";

export type TListCaseQueueInput = {
  actor: TSessionUser;
  segment: "dideduc" | "direccion" | "atencion";
  // The states this queue shows; `state` narrows to one of them.
  states: readonly CaseState[];
  state?: CaseState;
  procedure?: Procedure;
  // A case number (or part of it), or a name: the applicant's or the student's as typed.
  q?: string;
  page?: number;
  pageSize?: number;
};

// A queue, oldest first (by submission). DIDEDUC segments: only the actor's DIDEDUC (none → empty).
export async function listCaseQueue(input: TListCaseQueueInput, options: TDataOptions = {}) {
  const db = await dbOf(options);
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), 100);
  const states = input.state ? input.states.filter((s) => s === input.state) : [...input.states];
  const where: Prisma.CaseWhereInput = { state: { in: states } };
  if (input.segment !== "atencion") {
    if (!input.actor.dideducId) return { rows: [], total: 0, page: 1, pageCount: 1 };
    where.dideducId = input.actor.dideducId;
  }
  if (input.procedure) where.procedure = input.procedure;
  const q = input.q?.trim();
  if (q) {
    where.OR = [
      { number: { contains: q, mode: "insensitive" } },
      { applicant: { name: { contains: q, mode: "insensitive" } } },
      { formData: { path: ["student", "firstNames"], string_contains: q } },
      { formData: { path: ["student", "lastNames"], string_contains: q } },
    ];
  }
  const total = await db.case.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(input.page ?? 1, 1), pageCount);
  const rows = await db.case.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      number: true,
      procedure: true,
      state: true,
      submittedAt: true,
      lastNote: true,
      formData: true,
      applicant: { select: { name: true } },
      dideduc: { select: { name: true } },
    },
  });
  return { rows, total, page, pageCount };
}
