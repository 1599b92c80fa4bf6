import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appUrl } from "@/lib/http/app-url";
import { log } from "@/lib/log";
import { deliverOutboxMail, getSmtpTransport, type TMailTransport } from "@/lib/mail/send-mail";
import { readMailFrom, type TMailEnv } from "@/lib/mail/smtp-config";
import { staffDigestMail, type TStaffDigestDue } from "@/lib/mail/templates/staff-digest-mail";
import { collectStaffDigest, type TDigestActor } from "./collect-staff-digest";
import { findDueCasesForDigest } from "./find-due-cases-for-digest";
import { guatemalaClock } from "./guatemala-clock";
import { STAFF_ROLES } from "./staff-roles";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

// The first digest of a person looks back this far; later ones start where the last one ended.
const FIRST_DIGEST_LOOKBACK_MS = 24 * 60 * 60 * 1000;
// A run that claimed a queued mail and died leaves it claimed: after this, another run may send it.
const CLAIM_EXPIRY_MS = 10 * 60 * 1000;
// Queued digests older than this are not retried: yesterday's news is the next digest's.
const RETRY_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export type TDueCasesFinder = (db: PrismaClient, actor: TDigestActor, now: Date) => Promise<TStaffDigestDue[]>;

export type TRunStaffDigestsOptions = {
  now?: Date;
  env?: TMailEnv;
  // Overrides the SMTP transport built from env; null: leave every digest in the outbox.
  transport?: TMailTransport | null;
  // Default: the service levels' (decision 0022).
  findDueCases?: TDueCasesFinder;
};

export type TStaffDigestRun = {
  day: string;
  // Digests written by this run: with a mail, and recorded empty (nothing to report).
  written: number;
  empty: number;
  // People whose digest for the day another run wrote at the same time.
  alreadyWritten: number;
  sent: number;
  failed: number;
  // Left in the outbox (no SMTP configured).
  queued: number;
};

// One run of the staff digest (`npm run notify:digest`, every hour from a scheduler): each active
// staff member with the digest on, whose hour has come today (Guatemala's time) and who has no
// digest for today, gets one. Written to the outbox with its StaffDigest row in one transaction
// (unique per person and day), so running it twice, or two at once, writes it once; SMTP down
// leaves it in the outbox, and later runs of the same command try again (each mail claimed by one
// run at a time).
export async function runStaffDigests(db: PrismaClient, options: TRunStaffDigestsOptions = {}): Promise<TStaffDigestRun> {
  const now = options.now ?? new Date();
  const { day, hour } = guatemalaClock(now);
  const env = options.env ?? process.env;
  const run: TStaffDigestRun = { day, written: 0, empty: 0, alreadyWritten: 0, sent: 0, failed: 0, queued: 0 };

  const people = await db.user.findMany({
    where: { active: true, digestEnabled: true, digestHour: { lte: hour }, roles: { hasSome: [...STAFF_ROLES] }, staffDigests: { none: { day } } },
    // With each person's previous digest, read in the same query: where this one starts.
    select: { id: true, name: true, email: true, dideducId: true, roles: true, staffDigests: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
    orderBy: { id: "asc" },
  });
  for (const person of people) {
    const since = person.staffDigests[0]?.createdAt ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_MS);
    const sections = await collectStaffDigest(db, person, { since, now });
    const due = await (options.findDueCases ?? findDueCasesForDigest)(db, person, now);
    const caseCount = sections.reduce((n, s) => n + s.total, 0) + due.length;
    try {
      await db.$transaction(async (tx) => {
        let outboxMailId: string | null = null;
        if (caseCount > 0) {
          const mail = staffDigestMail({ staffName: person.name, sections, due, accountUrl: appUrl("/cuenta") });
          const row = await tx.outboxMail.create({ data: { to: person.email, subject: mail.subject, text: mail.text, html: mail.html, createdAt: now } });
          outboxMailId = row.id;
        }
        await tx.staffDigest.create({ data: { userId: person.id, day, caseCount, outboxMailId, createdAt: now } });
      });
      if (caseCount > 0) run.written++;
      else run.empty++;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      run.alreadyWritten++;
    }
  }

  const transport = options.transport === undefined ? getSmtpTransport(env) : options.transport;
  const pending = await db.staffDigest.findMany({
    where: { outboxMailId: { not: null }, sentAt: null, createdAt: { gte: new Date(now.getTime() - RETRY_WINDOW_MS) } },
    select: { id: true, outboxMailId: true },
    orderBy: { createdAt: "asc" },
  });
  if (!transport) {
    run.queued = pending.length;
    return run;
  }
  for (const digest of pending) {
    const claimed = await db.staffDigest.updateMany({
      where: { id: digest.id, sentAt: null, OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - CLAIM_EXPIRY_MS) } }] },
      data: { claimedAt: now },
    });
    if (claimed.count !== 1) continue;
    const row = await db.outboxMail.findUnique({ where: { id: digest.outboxMailId! } });
    if (!row) continue;
    const result = row.sentAt ? ({ status: "sent" } as const) : await deliverOutboxMail(db, row, transport, readMailFrom(env), () => now);
    if (result.status === "sent") {
      await db.staffDigest.update({ where: { id: digest.id }, data: { sentAt: row.sentAt ?? now } });
      run.sent++;
    } else {
      // Released for the next run.
      await db.staffDigest.update({ where: { id: digest.id }, data: { claimedAt: null } });
      log.warn("staff digest not delivered", { staffDigestId: digest.id, outboxMailId: digest.outboxMailId });
      run.failed++;
    }
  }
  return run;
}
