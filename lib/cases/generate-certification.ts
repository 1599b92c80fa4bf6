import "server-only";
import { randomUUID } from "node:crypto";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { generateVerificationCode } from "@/lib/verification/generate-verification-code";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { transition } from "@/lib/workflow/transition";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { withCaseRenderClaim } from "./signing/claim-case-render";
import { precheckTransition } from "./signing/precheck-transition";
import { renderCaseCertification } from "./signing/render-case-certification";

// The reviewer's checklist of D.1.1 (activity 3): years and studies, the authorities' names,
// signatures and seals, the student's name, and "Que los grados correspondan" — the grade levels
// studied (`gradeLevels`), not the marks. Same keys as the staff form.
export const D11_REVIEW_CHECKLIST_KEYS = ["studies", "authorities", "signaturesAndSeals", "studentName", "gradeLevels"] as const;
// D.2.1 checks the same on the title, and its Contraloría General de Cuentas registration stamp.
export const D21_REVIEW_CHECKLIST_KEYS = ["studies", "authorities", "signaturesAndSeals", "cgcStamp", "studentName", "grades"] as const;
export type TReviewChecklist = Record<string, boolean>;

export function reviewChecklistKeys(procedure: Procedure): readonly string[] {
  return procedure === "DIPLOMA_BEFORE_2005" ? D21_REVIEW_CHECKLIST_KEYS : D11_REVIEW_CHECKLIST_KEYS;
}

export type TGenerateCertificationInput = {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  ip?: string | null;
  checklist: TReviewChecklist;
};

export type TGenerateCertificationResult = { version: number; state: string; verificationCode: string };

// "Generar certificación y trasladar a firma". The case keeps the verification code of its first
// generation (a return and a new generation print the same QR). The slow part — rendering, merging,
// storing by SHA-256 — happens before the transaction, which then only writes the sheet, the
// UNSIGNED document version and the state change. Concurrent identical requests are refused before
// the render by the case's render claim (decision 0030); a transition refused after storing (rare:
// another action on the case meanwhile) leaves an orphan file that `npm run storage:sweep` removes.
export async function generateCertification(
  input: TGenerateCertificationInput,
  options: TCertifyOptions = {},
): Promise<TGenerateCertificationResult> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const { actor, caseId, expectedVersion } = input;
  const { row } = await precheckTransition(db, { caseId, action: "generate_certification", actor, expectedVersion, now });

  const checklistKeys = reviewChecklistKeys(row.procedure);
  const missing = checklistKeys.filter((k) => input.checklist?.[k] !== true);
  if (missing.length > 0) {
    throw new DomainError(
      "CHECKLIST_INCOMPLETE",
      "Marque cada punto de la lista de verificación antes de generar la certificación.",
      Object.fromEntries(missing.map((k) => [`checklist.${k}`, ["Marque este punto después de verificarlo."]])),
    );
  }
  const checklist = Object.fromEntries(checklistKeys.map((k) => [k, true]));

  // Identical requests racing on one case: one renders, the others are refused here (decision 0030).
  return withCaseRenderClaim(db, { caseId, expectedVersion }, async () => {
    const verificationCode = row.verificationCode ?? generateVerificationCode();
    const built = await renderCaseCertification(db, storage, { caseRow: row, verificationCode, now });
    const stored = await storage.put(built.pdf);

    const sheetId = randomUUID();
    const documentVersionId = randomUUID();
    const updated = await transition(caseId, "generate_certification", actor, {}, expectedVersion, {
      db,
      ip: input.ip ?? null,
      now,
      auditData: { checklist, sheetId, documentVersionId, sha256: stored.sha256, verificationCode },
      apply: async (tx, caseRow) => {
        // Under the row lock: a code assigned meanwhile would be the one to keep, but the version
        // check already refused any concurrent change, so this is the code read above.
        await tx.certificationSheet.create({
          data: { id: sheetId, caseId, generatedById: actor.id, data: built.data as unknown as Prisma.InputJsonValue },
        });
        await tx.documentVersion.create({
          data: {
            id: documentVersionId,
            caseId,
            sheetId,
            stage: "UNSIGNED",
            sha256: stored.sha256,
            size: stored.size,
            storageKey: stored.key,
            createdById: actor.id,
          },
        });
        return caseRow.verificationCode ? {} : { verificationCode };
      },
    });
    return { version: updated.version, state: updated.state, verificationCode: updated.verificationCode ?? verificationCode };
  });
}
