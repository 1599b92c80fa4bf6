import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readMailFrom, readSmtpConfig, type TMailEnv } from "./smtp-config";

export const ZMail = z.object({
  to: z.email(),
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1),
  html: z.string().min(1).nullish(),
  caseId: z.string().min(1).nullish(),
});
export type TMail = z.input<typeof ZMail>;

export type TSendMailResult =
  | { status: "sent"; outboxId: string }
  | { status: "queued"; outboxId: string }
  | { status: "failed"; outboxId: string; error: string };

export type TMailTransport = Pick<Transporter, "sendMail">;

export type TSendMailOptions = {
  db?: PrismaClient;
  env?: TMailEnv;
  // Overrides the SMTP transport built from env; null forces the outbox.
  transport?: TMailTransport | null;
  now?: () => Date;
};

// Every notification is written to OutboxMail first, so there is a record of what the citizen
// was told even when delivery fails. With SMTP configured it is then sent and marked sentAt;
// without SMTP it waits there (sentAt null); an SMTP failure is recorded on the row. Delivery
// problems never throw: a notification must not undo the state change that caused it.
export async function sendMail(mail: TMail, options: TSendMailOptions = {}): Promise<TSendMailResult> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const m = ZMail.parse(mail);

  const row = await db.outboxMail.create({
    data: { to: m.to, subject: m.subject, text: m.text, html: m.html ?? null, caseId: m.caseId ?? null, createdAt: now() },
  });
  const transport = options.transport === undefined ? getSmtpTransport(env) : options.transport;
  if (!transport) return { status: "queued", outboxId: row.id };
  return deliverOutboxMail(db, row, transport, readMailFrom(env), now);
}

type TOutboxRow = { id: string; to: string; subject: string; text: string; html: string | null };

export async function deliverOutboxMail(
  db: PrismaClient,
  row: TOutboxRow,
  transport: TMailTransport,
  from: string,
  now: () => Date = () => new Date(),
): Promise<TSendMailResult> {
  try {
    await transport.sendMail({ from, to: row.to, subject: row.subject, text: row.text, html: row.html ?? undefined });
    await db.outboxMail.update({ where: { id: row.id }, data: { sentAt: now(), error: null } });
    return { status: "sent", outboxId: row.id };
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
    await db.outboxMail.update({ where: { id: row.id }, data: { error } });
    return { status: "failed", outboxId: row.id, error };
  }
}

const transports = new Map<string, Transporter>();

// One pooled-by-config transport per process; null when SMTP is not configured.
export function getSmtpTransport(env: TMailEnv = process.env): Transporter | null {
  const config = readSmtpConfig(env);
  if (!config) return null;
  const key = JSON.stringify(config);
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport(config);
    transports.set(key, transport);
  }
  return transport;
}
