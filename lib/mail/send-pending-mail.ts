import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverOutboxMail, getSmtpTransport, type TMailTransport } from "./send-mail";
import { readMailFrom, type TMailEnv } from "./smtp-config";

export type TSendPendingMailOptions = { db?: PrismaClient; env?: TMailEnv; transport?: TMailTransport | null; limit?: number };

// Retries the outbox (mail queued while SMTP was missing or failing), oldest first. Meant for a
// periodic job or an admin button once SMTP works; does nothing without SMTP. Run it from one
// place at a time: rows are not claimed, so two concurrent runs could send a mail twice.
export async function sendPendingMail(options: TSendPendingMailOptions = {}): Promise<{ sent: number; failed: number }> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const env = options.env ?? process.env;
  const transport = options.transport === undefined ? getSmtpTransport(env) : options.transport;
  if (!transport) return { sent: 0, failed: 0 };
  const pending = await db.outboxMail.findMany({
    where: { sentAt: null },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 100,
  });
  let sent = 0;
  let failed = 0;
  for (const row of pending) {
    const result = await deliverOutboxMail(db, row, transport, readMailFrom(env));
    if (result.status === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}
