import "server-only";
import type { Case, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import {
  correctionRequestedMail,
  issuanceMail,
  rejectionMail,
  revocationMail,
  reissueStartedMail,
  submissionReceivedMail,
  translatorRegisteredMail,
  type TOfficeContact,
  type TRenderedMail,
} from "@/lib/mail/templates";
import type { RevocationCategory } from "@/lib/generated/prisma/enums";
import { REVOCATION_CATEGORY_LABELS } from "@/lib/verification/revocation-categories";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { verificationUrl } from "@/lib/verification/verification-url";
import { appUrl } from "@/lib/http/app-url";
import type { TGrammaticalGender } from "@/lib/wording/choose-gendered-form";

export type TNotifyEvent =
  | { type: "submitted"; resubmitted?: boolean }
  | { type: "correction_requested"; reason: string }
  | { type: "rejected"; reason: string; guidance?: TOfficeContact | null; requestedDocuments?: string[] | null }
  // `replaces`: the certification a corrected re-issue replaced (revoked in the same commit).
  | { type: "issued"; verificationCode: string; replaces?: { number: string; verificationCode: string | null } | null }
  // Anulación: the public category and date only (the internal note stays with the staff).
  | { type: "revoked"; verificationCode: string; category: RevocationCategory; revokedAt: Date }
  // Central staff started a corrected re-issue: the new draft, and what must be corrected.
  | { type: "reissue_started"; note: string; originalNumber: string }
  // D.4 accepted: the registry entry as it now stands.
  | {
      type: "translator_registered";
      entry: { name: string; gender: TGrammaticalGender | null; dideducRegistrationNumber: string; dideducName: string; languages: readonly string[]; appointmentResolution: string };
    };

type TDb = PrismaClient | Prisma.TransactionClient;

export { appUrl };

export function citizenCaseUrl(caseId: string): string {
  return appUrl(`/ciudadano/solicitudes/${encodeURIComponent(caseId)}`);
}

// Writes the applicant's mail for `event` to the outbox with the caller's client. Called with the
// transaction of the state change, the record of what the citizen was told commits (or rolls back)
// with the change itself; delivery happens after the commit (deliverNotification), so an SMTP
// problem can never leave a transition half done. Returns the outbox row id.
export async function notifyApplicant(
  db: TDb,
  caseRow: Pick<Case, "id" | "number" | "procedure" | "applicantId" | "dideducId">,
  event: TNotifyEvent,
  options: { now?: Date } = {},
): Promise<string> {
  const applicant = await db.user.findUniqueOrThrow({ where: { id: caseRow.applicantId }, select: { name: true, email: true } });
  const base = {
    applicantName: applicant.name,
    caseNumber: caseRow.number,
    procedureLabel: PROCEDURE_LABELS[caseRow.procedure],
    caseUrl: citizenCaseUrl(caseRow.id),
  };
  let mail: TRenderedMail;
  switch (event.type) {
    case "submitted": {
      const dideduc = caseRow.dideducId
        ? await db.dideduc.findUnique({ where: { id: caseRow.dideducId }, select: { name: true } })
        : null;
      mail = submissionReceivedMail({
        ...base,
        reviewingOffice: dideduc ? `Dirección Departamental de Educación de ${dideduc.name}` : null,
        resubmitted: event.resubmitted ?? false,
      });
      break;
    }
    case "correction_requested":
      mail = correctionRequestedMail({ ...base, reason: event.reason });
      break;
    case "rejected":
      mail = rejectionMail({
        ...base,
        reason: event.reason,
        guidance: event.guidance ?? null,
        requestedDocuments: event.requestedDocuments ?? null,
        // The case page carries "Iniciar una nueva solicitud a partir de esta".
        newRequestUrl: event.guidance ? base.caseUrl : null,
      });
      break;
    case "issued":
      mail = issuanceMail({
        ...base,
        verificationCode: event.verificationCode,
        verificationUrl: verificationUrl(event.verificationCode),
        replaces: event.replaces ? { caseNumber: event.replaces.number, verificationCode: event.replaces.verificationCode } : null,
      });
      break;
    case "reissue_started":
      mail = reissueStartedMail({ ...base, note: event.note, originalNumber: event.originalNumber });
      break;
    case "revoked":
      mail = revocationMail({
        ...base,
        categoryLabel: REVOCATION_CATEGORY_LABELS.es[event.category],
        revokedAt: event.revokedAt,
        verificationCode: event.verificationCode,
        verificationUrl: verificationUrl(event.verificationCode),
      });
      break;
    case "translator_registered":
      mail = translatorRegisteredMail({
        ...base,
        translatorName: event.entry.name,
        gender: event.entry.gender,
        registrationNumber: event.entry.dideducRegistrationNumber,
        dideducName: event.entry.dideducName,
        languages: event.entry.languages,
        appointmentResolution: event.entry.appointmentResolution,
      });
      break;
  }
  const row = await db.outboxMail.create({
    data: {
      to: applicant.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      caseId: caseRow.id,
      ...(options.now ? { createdAt: options.now } : {}),
    },
    select: { id: true },
  });
  return row.id;
}
