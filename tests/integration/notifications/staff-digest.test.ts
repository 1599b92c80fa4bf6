import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TMailTransport } from "@/lib/mail/send-mail";
import { ZDigestPreferences } from "@/lib/notifications/digest-schemas";
import { runStaffDigests } from "@/lib/notifications/run-staff-digests";
import { updateDigestPreferences } from "@/lib/notifications/update-digest-preferences";
import { transition } from "@/lib/workflow/transition";
import { createSessionUser, createTestDideduc, submittedEducationalRecord } from "../../helpers/database-fixtures";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Issue #14 §4: "Staff get an e-mail digest (per person, at most one a day, at a configurable hour)
// of cases that arrived or came back to them … each can turn it off. Built on the existing outbox,
// so nothing is lost when SMTP is down; … idempotent per day."
let tdb: TTestDatabase;
let citizen: TSessionUser;
let reviewerGN: TSessionUser;
let reviewerXela: TSessionUser;
let signerGN: TSessionUser;
let assistant: TSessionUser;
let gn: string;
let xela: string;
const db = () => tdb.prisma;

// Guatemala is UTC−6: 14:00 UTC is 8:00 there. 2 March 2026 is a Monday.
const at = (day: number, hourGT: number, minute = 0) => new Date(Date.UTC(2026, 2, day, hourGT + 6, minute));

const user = (email: string, roles: Role[], dideducId: string | null, name = email.split("@")[0]) => createSessionUser(db(), email, roles, dideducId, { name });

const submitted = (lastNames: string, dideducId: string, when: Date) => submittedEducationalRecord(db(), citizen, lastNames, dideducId, when);

const mailsTo = (u: TSessionUser) => db().outboxMail.findMany({ where: { to: u.email }, orderBy: { createdAt: "asc" } });
const digestOf = (u: TSessionUser, day: string) => db().staffDigest.findUnique({ where: { userId_day: { userId: u.id, day } } });

function countingTransport(fail = false): TMailTransport & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    sendMail: async (m: { to?: unknown; text?: unknown }) => {
      if (fail) throw new Error("SMTP caído");
      // Address and body: two sends of the same mail are the same entry.
      sent.push(`${String(m.to)}|${String(m.text)}`);
      return {} as never;
    },
  } as TMailTransport & { sent: string[] };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  gn = await createTestDideduc(db(), "gn", "Guatemala Norte");
  xela = await createTestDideduc(db(), "xela", "Quetzaltenango");
  citizen = await user("ciudadana@example.test", ["CITIZEN"], null);
  reviewerGN = await user("revisora.gn@example.test", ["DIDEDUC_REVIEWER"], gn, "Lucía Revisora");
  reviewerXela = await user("revisora.xela@example.test", ["DIDEDUC_REVIEWER"], xela);
  signerGN = await user("director.gn@example.test", ["DIDEDUC_SIGNER"], gn);
  assistant = await user("asistente@example.test", ["CENTRAL_ASSISTANT"], null);
});
afterAll(async () => {
  await tdb?.drop();
});

describe("the staff digest", () => {
  let first: { id: string; number: string };
  let xelaCase: { id: string; number: string };

  it("lists, per person, the cases that arrived in their own queue since the day before, at the default hour (7:00), once", async () => {
    first = await submitted("Primera Llegada", gn, at(2, 9));
    xelaCase = await submitted("Otra Oficina", xela, at(2, 10));

    // 6:59 in Guatemala: nobody's hour yet.
    const early = await runStaffDigests(db(), { now: at(3, 6, 59), transport: null });
    expect(early.written + early.empty).toBe(0);

    const run = await runStaffDigests(db(), { now: at(3, 7, 5), transport: null });
    expect(run.day).toBe("2026-03-03");
    const [mail, ...rest] = await mailsTo(reviewerGN);
    expect(rest).toHaveLength(0);
    expect(mail.subject).toBe("Resumen diario de Certifica: 1 solicitud nueva o devuelta");
    expect(mail.text).toContain(first.number);
    expect(mail.text).toContain(`/dideduc/casos/${first.id}`);
    expect(mail.text).not.toContain(xelaCase.number);
    expect(mail.text).not.toContain("volvió a su bandeja");
    expect(mail.html).toContain(first.number);
    // Xela's reviewer gets Xela's case only; the director and the central office have nothing to do
    // on either yet: their digest is recorded empty and no mail is written.
    expect((await mailsTo(reviewerXela)).map((m) => m.text.includes(xelaCase.number) && !m.text.includes(first.number))).toEqual([true]);
    expect(await mailsTo(signerGN)).toEqual([]);
    expect(await mailsTo(assistant)).toEqual([]);
    expect((await digestOf(signerGN, "2026-03-03"))?.caseCount).toBe(0);
    expect((await digestOf(reviewerGN, "2026-03-03"))?.outboxMailId).toBe(mail.id);
    // The citizen is not staff: no digest.
    expect(await db().staffDigest.count({ where: { userId: citizen.id } })).toBe(0);
    // Without SMTP the mails wait in the outbox.
    expect(run.queued).toBe(2);
    expect(mail.sentAt).toBeNull();
  });

  it("is idempotent per day: a second run, and two runs at once on the next day, write each person's digest once", async () => {
    const again = await runStaffDigests(db(), { now: at(3, 15), transport: null });
    expect(again.written + again.empty + again.alreadyWritten).toBe(0);
    expect(await mailsTo(reviewerGN)).toHaveLength(1);

    const secondCase = await submitted("Segunda Llegada", gn, at(3, 11));
    const [a, b] = await Promise.all([
      runStaffDigests(db(), { now: at(4, 8), transport: null }),
      runStaffDigests(db(), { now: at(4, 8, 1), transport: null }),
    ]);
    expect(a.written + b.written).toBe(1);
    expect(await mailsTo(reviewerGN)).toHaveLength(2);
    expect(await db().staffDigest.count({ where: { userId: reviewerGN.id, day: "2026-03-04" } })).toBe(1);
    // Only what arrived since the last digest: the first case is not repeated.
    const [, second] = await mailsTo(reviewerGN);
    expect(second.text).toContain(secondCase.number);
    expect(second.text).not.toContain(first.number);
  });

  it("a case that came back to the reviewer (corrected by the citizen) is listed as such", async () => {
    const c = await db().case.findUniqueOrThrow({ where: { id: first.id } });
    const back = await transition(c.id, "reject_for_correction", reviewerGN, { reason: "Falta el certificado de sexto grado." }, c.version, { db: db(), now: at(4, 9) });
    await transition(back.id, "resubmit", citizen, {}, back.version, { db: db(), now: at(4, 12) });
    await runStaffDigests(db(), { now: at(5, 7), transport: null });
    const latest = (await mailsTo(reviewerGN)).at(-1)!;
    expect(latest.text).toContain(first.number);
    expect(latest.text).toContain("volvió a su bandeja");
  });

  it("each person can turn it off or choose the hour; a refused hour is said in Spanish", async () => {
    const refused = ZDigestPreferences.safeParse({ digestEnabled: "on", digestHour: "24" });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["digestHour", "Elija una hora entre las 0:00 y las 23:00."]]);
    expect(ZDigestPreferences.parse({ digestHour: "9" })).toEqual({ digestEnabled: false, digestHour: 9 });
    await updateDigestPreferences(db(), reviewerXela.id, { digestEnabled: false, digestHour: 7 });
    await updateDigestPreferences(db(), reviewerGN.id, { digestEnabled: true, digestHour: 13 });
    await submitted("Tercera Llegada", gn, at(5, 9));
    await submitted("Llegada Xela", xela, at(5, 9));
    const before = (await mailsTo(reviewerGN)).length;
    await runStaffDigests(db(), { now: at(6, 12, 59), transport: null });
    expect(await mailsTo(reviewerGN)).toHaveLength(before);
    expect(await digestOf(reviewerXela, "2026-03-06")).toBeNull();
    await runStaffDigests(db(), { now: at(6, 13), transport: null });
    expect(await mailsTo(reviewerGN)).toHaveLength(before + 1);
    expect(await digestOf(reviewerXela, "2026-03-06")).toBeNull();
  });

  it("SMTP down: the digest stays in the outbox and a later run sends it, exactly once even when two runs try at once", async () => {
    await updateDigestPreferences(db(), reviewerGN.id, { digestEnabled: true, digestHour: 7 });
    const fourth = await submitted("Cuarta Llegada", gn, at(6, 15));
    const down = await runStaffDigests(db(), { now: at(7, 7), transport: countingTransport(true) });
    expect(down.failed).toBeGreaterThanOrEqual(1);
    const digest = (await digestOf(reviewerGN, "2026-03-07"))!;
    expect(digest.sentAt).toBeNull();
    const queued = await db().outboxMail.findUniqueOrThrow({ where: { id: digest.outboxMailId! } });
    expect(queued.sentAt).toBeNull();
    expect(queued.error).toContain("SMTP caído");

    // Every digest still queued from the last two days, today's included.
    const queuedIds = (await db().staffDigest.findMany({ where: { outboxMailId: { not: null }, sentAt: null, createdAt: { gte: at(5, 8) } }, select: { outboxMailId: true } })).map((d) => d.outboxMailId);
    expect(queuedIds).toContain(digest.outboxMailId);
    const t1 = countingTransport();
    const t2 = countingTransport();
    await Promise.all([runStaffDigests(db(), { now: at(7, 8), transport: t1 }), runStaffDigests(db(), { now: at(7, 8), transport: t2 })]);
    const sent = [...t1.sent, ...t2.sent];
    expect(sent).toHaveLength(queuedIds.length);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent).toContain(`${reviewerGN.email}|${queued.text}`);
    expect(queued.text).toContain(fourth.number);
    expect((await digestOf(reviewerGN, "2026-03-07"))?.sentAt).not.toBeNull();
    const t3 = countingTransport();
    await runStaffDigests(db(), { now: at(7, 9), transport: t3 });
    expect(t3.sent).toEqual([]);
  });

  it('"cases about to miss their target": the stages this person acts on, past or near their target in business days, with the due date', async () => {
    // D.1.1 review at the DIDEDUC: 2 business days (decision 0022's targets are data).
    await db().serviceLevelTarget.create({ data: { procedure: "EDUCATIONAL_RECORD", state: "DIDEDUC_REVIEW", businessDays: 2 } });
    // Monday 9 March: filed Tuesday 3 March (4 business days ago) → due Thursday 5 March, overdue.
    const late = await submitted("Caso Atrasado", gn, at(3, 10));
    const lateXela = await submitted("Atrasado Xela", xela, at(3, 10));
    await runStaffDigests(db(), { now: at(9, 8), transport: null });
    const latest = (await mailsTo(reviewerGN)).at(-1)!;
    expect(latest.text).toContain("Vencidas o por vencer");
    expect(latest.text).toContain(`${late.number}: Expediente educativo · En revisión en la Dirección Departamental · Vencida (venció el 5 de marzo de 2026)`);
    // Another DIDEDUC's late case is not hers; the director does not act on cases in review.
    expect(latest.text).not.toContain(lateXela.number);
    expect((await mailsTo(signerGN)).some((m) => m.text.includes(late.number))).toBe(false);
  });

  it("`npm run notify:digest` is the command a scheduler runs: it prints what it did, and a second run the same hour writes nothing", { timeout: 120_000 }, async () => {
    await db().staffDigest.deleteMany({ where: { userId: assistant.id } });
    // Whatever the hour the suite runs at, it is past 0:00 in Guatemala.
    await db().user.update({ where: { id: assistant.id }, data: { digestHour: 0 } });
    const run = () =>
      promisify(execFile)("node", ["--conditions=react-server", "--import", "tsx", "scripts/notify-digest.mts"], {
        env: { ...process.env, DATABASE_URL: tdb.url, SMTP_URL: "", SMTP_HOST: "" },
      });
    const first = await run();
    expect(first.stdout).toMatch(/resumen del \d{4}-\d{2}-\d{2}: \d+ escritos con novedades, \d+ sin novedades \(sin correo\)/);
    // The central assistant had none today: the command wrote hers (empty), and only once.
    const day = first.stdout.match(/resumen del (\d{4}-\d{2}-\d{2})/)![1];
    expect(await db().staffDigest.count({ where: { userId: assistant.id, day } })).toBe(1);
    const second = await run();
    expect(second.stdout).toContain(": 0 escritos con novedades, 0 sin novedades (sin correo), 0 ya escritos por otra corrida");
    expect(await db().staffDigest.count({ where: { userId: assistant.id, day } })).toBe(1);
  });
});
