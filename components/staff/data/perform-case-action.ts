import "server-only";
import { dbOf, type TDataOptions } from "./data-options";
import type { TSessionUser } from "@/lib/auth/session-user";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send-mail";
import { correctionRequestedMail, rejectionMail } from "@/lib/mail/templates";
import type { TGuidance } from "@/lib/workflow/inputs";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { transition } from "@/lib/workflow/transition";

// Operations with their own domain function; everything else here is a plain transition.
const NOT_PLAIN = new Set(["submit", "resubmit", "generate_certification", "sign", "sign_and_issue"]);

function appUrl(pathname: string): string {
  const base = new URL(process.env.APP_BASE_URL?.trim() || "http://localhost:3000");
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${pathname}`;
}

// A plain staff transition (request correction, reject with guidance, return, reject definitively)
// and the citizen's e-mail it calls for. The mail goes after the commit: a mail problem lands in
// the outbox and the log, never undoes the decision.
export async function performCaseAction(args: {
  actor: TSessionUser;
  caseId: string;
  action: string;
  input: unknown;
  expectedVersion: number;
  ip: string | null;
}, options: TDataOptions = {}): Promise<{ version: number; state: string }> {
  if (NOT_PLAIN.has(args.action)) {
    const { TransitionError } = await import("@/lib/workflow/transition-error");
    throw new TransitionError("INVALID_STATE", "Esta acción se realiza con su propio formulario.");
  }
  const db = await dbOf(options);
  const updated = await transition(args.caseId, args.action, args.actor, args.input, args.expectedVersion, { db, ip: args.ip });
  if (["reject_for_correction", "reject_with_guidance", "reject_definitively", "reject"].includes(args.action)) {
    try {
      const applicant = await db.user.findUniqueOrThrow({ where: { id: updated.applicantId }, select: { name: true, email: true } });
      const base = {
        applicantName: applicant.name,
        caseNumber: updated.number,
        procedureLabel: PROCEDURE_LABELS[updated.procedure],
        caseUrl: appUrl(`/ciudadano/solicitudes/${encodeURIComponent(updated.id)}`),
      };
      const reason = updated.lastNote ?? "";
      const guidance = updated.guidance as TGuidance | null;
      const mail =
        args.action === "reject_for_correction"
          ? correctionRequestedMail({ ...base, reason })
          : rejectionMail({
              ...base,
              reason,
              guidance: args.action === "reject_with_guidance" && guidance ? guidance.contact : null,
              newRequestUrl: args.action === "reject_with_guidance" ? base.caseUrl : null,
            });
      await sendMail({ to: applicant.email, ...mail, caseId: updated.id }, { db });
    } catch (error) {
      log.error("case action mail failed", { caseId: updated.id, action: args.action, error });
    }
  }
  return { version: updated.version, state: updated.state };
}
