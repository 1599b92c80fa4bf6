import { expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_PORT } from "./e2e-env";
import { signIn, signOut } from "./sign-in";

// The e2e server has no SMTP: every notice stays in the outbox, which the admin reads at
// /admin/correos (newest first). These open it as the admin, signed in and out around it.

const ADMIN = { email: "admin@demo.certifica.gt", password: "Administra2026" };

async function openOutbox(page: Page): Promise<Locator> {
  await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
  await page.goto("/admin/correos");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Correos enviados");
  return page.getByRole("article");
}

// Exactly one mail with this subject, to `to`, whose text holds each of `contains`.
export async function expectOutboxMail(page: Page, mail: { to: string; subject: string; contains: string[] }): Promise<void> {
  const found = (await openOutbox(page)).filter({ has: page.getByText(mail.subject, { exact: true }) });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(`para ${mail.to}`);
  await found.locator("summary").click();
  const text = found.locator("pre");
  for (const part of mail.contains) await expect(text).toContainText(part);
  await signOut(page);
}

// No mail at all mentions the case number (a step the applicant is not told about).
export async function expectNoOutboxMailAbout(page: Page, caseNumber: string): Promise<void> {
  const mails = await openOutbox(page);
  await expect(mails.first()).toBeVisible();
  await expect(mails.filter({ hasText: caseNumber })).toHaveCount(0);
  await signOut(page);
}

// The e2e server's outbox (scripts/e2e-server.mts: the database of this port), where mail waits when
// there is no SMTP, as /admin/correos shows it. Read straight from PostgreSQL, as
// e2e/helpers/fixture-db.ts reaches it; needs TEST_DATABASE_URL (PGlite allows one process).
function databaseUrl(): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL no está definida: los correos de la prueba se leen de la base PostgreSQL del servidor e2e.");
  const url = new URL(base);
  url.pathname = E2E_PORT === "3210" ? "/certifica_e2e" : `/certifica_e2e_${E2E_PORT}`;
  return url.toString();
}

export type TOutboxMail = { subject: string; text: string };

export async function mailsTo(email: string): Promise<TOutboxMail[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<TOutboxMail>(`SELECT "subject", "text" FROM "OutboxMail" WHERE "to" = $1 ORDER BY "createdAt" ASC`, [email.toLowerCase()]);
    return rows;
  } finally {
    await client.end();
  }
}

// The newest mail to `email` whose subject is `subject`, once it is there.
export async function waitForMail(email: string, subject: string): Promise<TOutboxMail> {
  let found: TOutboxMail | undefined;
  await expect
    .poll(async () => {
      found = (await mailsTo(email)).filter((m) => m.subject === subject).pop();
      return found !== undefined;
    }, { message: `correo «${subject}» a ${email}`, timeout: 15_000 })
    .toBe(true);
  return found!;
}

// The confirmation link of a registration mail, as a path on the server under test.
export function confirmationPathIn(text: string): string {
  const m = /\/registro\/confirmar\?token=[A-Za-z0-9_-]{43}/.exec(text);
  if (!m) throw new Error(`El correo no trae el enlace de confirmación:\n${text}`);
  return m[0];
}
