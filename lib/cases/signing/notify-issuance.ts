import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send-mail";
import { issuanceMail } from "@/lib/mail/templates";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { verificationUrl } from "@/lib/verification/verification-url";

function appUrl(pathname: string): string {
  const base = new URL(process.env.APP_BASE_URL?.trim() || "http://localhost:3000");
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${pathname}`;
}

// The issuance e-mail to the applicant (with the apostille note). After the state change has
// committed: a mail problem is recorded in the outbox and logged, never undoes the issuance.
export async function notifyIssuance(db: PrismaClient, caseId: string): Promise<void> {
  try {
    const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: { applicant: { select: { name: true, email: true } } } });
    if (!c.verificationCode) return;
    const mail = issuanceMail({
      applicantName: c.applicant.name,
      caseNumber: c.number,
      procedureLabel: PROCEDURE_LABELS[c.procedure],
      caseUrl: appUrl(`/ciudadano/solicitudes/${encodeURIComponent(c.id)}`),
      verificationUrl: verificationUrl(c.verificationCode),
      verificationCode: c.verificationCode,
    });
    await sendMail({ to: c.applicant.email, ...mail, caseId: c.id }, { db });
  } catch (error) {
    log.error("issuance mail failed", { caseId, error });
  }
}
