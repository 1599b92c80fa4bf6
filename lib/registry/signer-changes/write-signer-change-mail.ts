import "server-only";
import type { Prisma, SignerChangeRequest } from "@/lib/generated/prisma/client";
import { appUrl } from "@/lib/http/app-url";
import { signerChangeReviewedMail } from "@/lib/mail/templates";
import { dideducSignerPostTitle } from "@/lib/registry/dideduc-signer-posts";

const DATE = new Intl.DateTimeFormat("es-GT", { dateStyle: "long", timeZone: "America/Guatemala" });

// The requesting Director's mail about the review of their notice, written to the outbox in the
// review's transaction (it commits or rolls back with it) and delivered after the commit.
export async function writeSignerChangeMail(
  tx: Prisma.TransactionClient,
  request: SignerChangeRequest,
  outcome: { accepted: boolean; reason: string | null; endAt?: Date | null },
): Promise<string> {
  const [director, dideduc, target] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: request.requestedById }, select: { name: true, email: true } }),
    tx.dideduc.findUniqueOrThrow({ where: { id: request.dideducId }, select: { name: true } }),
    request.authorizedSignerId ? tx.authorizedSigner.findUnique({ where: { id: request.authorizedSignerId }, select: { post: true } }) : null,
  ]);
  const mail = signerChangeReviewedMail({
    directorName: director.name,
    dideducName: dideduc.name,
    kind: request.kind,
    accepted: outcome.accepted,
    signerName: request.name ?? "—",
    signerPost: request.signerPost ? dideducSignerPostTitle(request.signerPost, request.gender) : (target?.post ?? null),
    dates:
      request.kind === "ADD"
        ? `${DATE.format(request.validFrom!)} – ${DATE.format(request.validTo!)}`
        : DATE.format(outcome.endAt ?? request.endAt!),
    reason: outcome.reason,
    pageUrl: appUrl("/direccion/firmantes"),
  });
  const row = await tx.outboxMail.create({ data: { to: director.email, subject: mail.subject, text: mail.text, html: mail.html }, select: { id: true } });
  return row.id;
}
