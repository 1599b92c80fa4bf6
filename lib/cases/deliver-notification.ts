import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { deliverOutboxMail, getSmtpTransport, type TMailTransport } from "@/lib/mail/send-mail";
import { readMailFrom, type TMailEnv } from "@/lib/mail/smtp-config";

export type TDeliverNotificationOptions = { env?: TMailEnv; transport?: TMailTransport | null };

// After the commit: tries to send an outbox row written by notifyApplicant. Without SMTP the row
// stays in the outbox (the development page lists it); a failure is recorded on the row and logged,
// never thrown: the state change it reports has already happened.
export async function deliverNotification(db: PrismaClient, outboxId: string | null | undefined, options: TDeliverNotificationOptions = {}): Promise<void> {
  if (!outboxId) return;
  try {
    const env = options.env ?? process.env;
    const transport = options.transport === undefined ? getSmtpTransport(env) : options.transport;
    if (!transport) return;
    const row = await db.outboxMail.findUnique({ where: { id: outboxId } });
    if (!row || row.sentAt) return;
    const result = await deliverOutboxMail(db, row, transport, readMailFrom(env));
    if (result.status === "failed") log.warn("notification not delivered", { outboxId, error: result.error });
  } catch (error) {
    log.error("notification delivery failed", { outboxId, error });
  }
}
