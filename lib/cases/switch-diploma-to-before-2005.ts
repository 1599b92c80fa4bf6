import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { DIPLOMA_NUMBER_FORMAT_MESSAGE, normalizeDiplomaNumber } from "@/lib/registry/diploma-number";
import { readDiplomaRecordForHolder } from "@/lib/registry/find-diploma-by-number";
import { holderProofOf } from "@/lib/registry/match-diploma-holder";
import { dbOf, type TDbOptions } from "./db-options";
import { diplomaBefore2005DraftFrom, ZSwitchToBefore2005Request, type TSwitchToBefore2005Request } from "./forms/diploma-from-2005-form";
import { saveCaseDraft } from "./save-case-draft";

export const STILL_IN_REGISTRY = (number: string) =>
  `El número ${number} sí está en el registro de títulos: continúe con esta solicitud; no hace falta cambiar de trámite.`;

// "Solicitar como título anterior a 2005": the registry does not know the number the citizen typed
// in D.2.2, so (procedure D.2.2, Nota) the title is requested through D.2.1. One click creates the
// D.2.1 draft with what was typed (the graduate's data, the phone, and the number not found, which
// lets D.2.1 take a school title from 2005 on). The number must be well formed and not in the
// registry for the graduate's CUI or birth date typed; a D.2.2 draft the citizen was on stays as it is (nothing of it is removed).
export async function switchDiplomaToBefore2005(
  input: { actor: TWorkflowActor; typed: TSwitchToBefore2005Request; ip?: string | null; db?: PrismaClient },
  options: TDbOptions = {},
): Promise<{ caseId: string; number: string }> {
  const db = await dbOf(options, input);
  const parsed = ZSwitchToBefore2005Request.safeParse(input.typed);
  if (!parsed.success) throw new TransitionError("INVALID_INPUT", "Revise los datos indicados.");
  const number = normalizeDiplomaNumber(parsed.data.registrationNumber);
  if (!number) throw new TransitionError("INVALID_INPUT", DIPLOMA_NUMBER_FORMAT_MESSAGE, { registrationNumber: [DIPLOMA_NUMBER_FORMAT_MESSAGE] });
  // Refused only when the lookup would have shown the title (CUI or birth date matching): another
  // person's number must not be revealed by this refusal either.
  if (await readDiplomaRecordForHolder(db, number, holderProofOf(parsed.data.student))) throw new TransitionError("INVALID_INPUT", STILL_IN_REGISTRY(number), { registrationNumber: [STILL_IN_REGISTRY(number)] });
  const saved = await saveCaseDraft(
    { actor: input.actor, procedure: "DIPLOMA_BEFORE_2005", formData: diplomaBefore2005DraftFrom(parsed.data, number), ip: input.ip ?? null },
    { db },
  );
  return { caseId: saved.caseId, number: saved.number };
}
