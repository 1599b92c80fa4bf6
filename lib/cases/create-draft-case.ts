import "server-only";
import { z } from "zod";
import type { Case, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { Procedure } from "@/lib/generated/prisma/enums";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { zodFieldErrors } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { TransitionError } from "@/lib/workflow/transition-error";
import { caseSearchTerms, studentNamesOf } from "./case-search-terms";
import { nextCaseNumber } from "./next-case-number";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZCreateDraftCaseInput = z.object({
  procedure: z.enum(Procedure, { error: "Seleccione el trámite." }),
  dideducId: z.string().trim().min(1).nullish(),
  formData: z.record(z.string(), z.unknown()).optional(),
  // "Start a new request from this one" after a rejection with guidance.
  parentCaseId: z.string().trim().min(1).nullish(),
});
// A DIDEDUC given to a procedure whose cases no DIDEDUC handles (D.1.2, D.2.2, D.3, D.4).
export const NO_DIDEDUC_MESSAGE = "Este trámite lo atiende Atención al Ciudadano, no una Dirección Departamental.";

export type TCreateDraftCaseInput = z.input<typeof ZCreateDraftCaseInput>;

export type TCreateDraftCaseOptions = {
  db?: PrismaClient;
  ip?: string | null;
  now?: Date;
  // Runs in the creating transaction, e.g. to carry files over from the case it starts from.
  afterCreate?: (tx: Prisma.TransactionClient, created: Case) => Promise<void>;
};

// A new case in DRAFT for the applicant, with its number, and the audit event "create".
export async function createDraftCase(
  applicant: TWorkflowActor,
  rawInput: TCreateDraftCaseInput,
  options: TCreateDraftCaseOptions = {},
): Promise<Case> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();

  const parsed = ZCreateDraftCaseInput.safeParse(rawInput);
  if (!parsed.success) throw new TransitionError("INVALID_INPUT", undefined, zodFieldErrors(parsed.error));
  const input = parsed.data;
  const definition = getDefinition(input.procedure);

  const role = definition.applicantRoles.find((r) => applicant.roles.includes(r));
  if (!role) {
    const who = definition.applicantRoles.includes("TRANSLATOR") && !definition.applicantRoles.includes("CITIZEN")
      ? "una cuenta de traductor jurado"
      : "una cuenta de usuario";
    throw new TransitionError("FORBIDDEN_ROLE", `Este trámite se solicita con ${who}.`);
  }
  if (input.dideducId && !definition.requiresDideduc) throw new TransitionError("INVALID_INPUT", undefined, { dideducId: [NO_DIDEDUC_MESSAGE] });

  return db.$transaction(async (tx) => {
    if (input.dideducId) {
      const dideduc = await tx.dideduc.findUnique({ where: { id: input.dideducId }, select: { id: true } });
      if (!dideduc) throw new TransitionError("INVALID_INPUT", undefined, { dideducId: ["Dirección Departamental no encontrada."] });
    }
    if (input.parentCaseId) {
      const parent = await tx.case.findUnique({ where: { id: input.parentCaseId }, select: { applicantId: true } });
      if (!parent) throw new TransitionError("NOT_FOUND", "La solicitud de origen no existe.");
      if (parent.applicantId !== applicant.id) throw new TransitionError("OUT_OF_SCOPE", "La solicitud de origen no es suya.");
      // A second click on "start a new request from this one" (or a reload that resends it) must
      // open the draft the first click made, not leave the citizen two drafts to choose between.
      // The parent's row lock serializes two such requests arriving together.
      await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${input.parentCaseId} FOR UPDATE`;
      const existing = await tx.case.findFirst({
        where: { parentCaseId: input.parentCaseId, applicantId: applicant.id, procedure: input.procedure, state: "DRAFT" },
        orderBy: { createdAt: "asc" },
      });
      if (existing) return existing;
    }
    const number = await nextCaseNumber(tx, input.procedure, now);
    const applicantRow = await tx.user.findUnique({ where: { id: applicant.id }, select: { name: true } });
    const created = await tx.case.create({
      data: {
        number,
        procedure: input.procedure,
        state: "DRAFT",
        applicantId: applicant.id,
        dideducId: input.dideducId ?? null,
        formData: (input.formData ?? {}) as Prisma.InputJsonValue,
        parentCaseId: input.parentCaseId ?? null,
        searchTerms: caseSearchTerms(applicantRow?.name, ...studentNamesOf(input.formData)),
        createdAt: now,
      },
    });
    await appendAuditEvent(tx, {
      data: {
        caseId: created.id,
        actorId: applicant.id,
        role,
        action: "create",
        fromState: null,
        toState: "DRAFT",
        data: { number, procedure: input.procedure, ...(input.parentCaseId ? { parentCaseId: input.parentCaseId } : {}) },
        ip: options.ip ?? null,
        createdAt: now,
      },
    });
    await options.afterCreate?.(tx, created);
    return created;
  });
}
