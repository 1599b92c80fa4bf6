import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { normalizeDiplomaNumber } from "@/lib/registry/diploma-number";
import { readDiplomaRecordForHolder } from "@/lib/registry/find-diploma-by-number";
import { holderProofOf } from "@/lib/registry/match-diploma-holder";
import { isRegistryConfirmed, NOT_CONFIRMED_MESSAGE, NOT_IN_REGISTRY_MESSAGE } from "./forms/diploma-from-2005-form";

export const D22_WRONG_KIND_MESSAGE = "En este trámite solo se adjunta el título escaneado (anverso y reverso).";

// D.2.2 at upload time (lib/uploads/store-upload through lib/cases/procedure-forms): the upload area
// opens only after the registry showed the title and the citizen confirmed it, so the server
// refuses a scan for a case whose saved number is not confirmed, not (or no longer) registered for
// the graduate's CUI or birth date saved with it, or a title that follows ATE-INS-04. Reads only.
export async function checkDiplomaFrom2005Upload(input: { db: PrismaClient; kind: FileKind; caseId: string }): Promise<{ code: string; message: string } | null> {
  if (input.kind !== "SCAN") return { code: "WRONG_KIND", message: D22_WRONG_KIND_MESSAGE };
  const row = await input.db.case.findUnique({ where: { id: input.caseId }, select: { formData: true } });
  const form = (row?.formData ?? {}) as { registrationNumber?: unknown; student?: unknown };
  if (!isRegistryConfirmed(form)) return { code: "NOT_CONFIRMED", message: NOT_CONFIRMED_MESSAGE };
  const number = normalizeDiplomaNumber(String(form.registrationNumber));
  const record = number ? await readDiplomaRecordForHolder(input.db, number, holderProofOf(form.student)) : null;
  if (!number || !record) return { code: "NOT_IN_REGISTRY", message: NOT_IN_REGISTRY_MESSAGE(number ?? "") };
  if (record.otherProcedure) return { code: "OTHER_PROCEDURE", message: record.otherProcedure.message };
  return null;
}
