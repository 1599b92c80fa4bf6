import { expect, type Page } from "@playwright/test";

// Signs in through the real form, as a person would, and waits for the landing page.
export async function signIn(page: Page, email: string, password: string, expectedPath?: string | RegExp): Promise<void> {
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  if (expectedPath) await expect(page).toHaveURL(expectedPath);
  else await expect(page).not.toHaveURL(/\/ingresar/);
}

export async function signOut(page: Page): Promise<void> {
  // Leave the page first: a request still in flight from it (an autosave, a router refresh) would
  // otherwise come back after the cookies are cleared carrying a refreshed session cookie, and the
  // next sign-in would find the previous person still signed in.
  await page.goto("about:blank");
  await page.context().clearCookies();
}
