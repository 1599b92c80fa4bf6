import { expect, type Locator, type Page } from "@playwright/test";
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
