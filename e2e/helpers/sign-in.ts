import { expect, test, type Cookie, type Page } from "@playwright/test";
import { TOTP_PERIOD_SECONDS } from "../../lib/auth/totp/totp-codes";
import { demoTotpSecret, isDemoEmail, totpCodeAt } from "../../prisma/seed/demo-totp";

// Signs in through the real form, as a person would, and waits for the landing page. Accounts with
// a second factor (administration, signers) get their code typed in too: the demo accounts' codes
// come from their public demo secret; another account passes `totpSecret`.
// One exception, for time and not for what a spec checks: when an account with a second factor
// signed in through this form earlier in the run and the server would not yet take a new code for
// it (see usableStep), the session that sign-in opened is picked up again instead of waiting up to
// 30 s for the clock, as a person returning to an open tab would. Only while the server still
// honours it (not signed out through the app, password, roles or second factor unchanged, not
// idle too long): otherwise the form, as always.
export async function signIn(
  page: Page,
  email: string,
  password: string,
  expectedPath?: string | RegExp,
  options: { totpSecret?: string } = {},
): Promise<void> {
  const key = `${email.trim().toLowerCase()}\n${password}`;
  const opened = openSessions.get(key);
  if (opened && mustWaitForStep(email) && (await resumeSession(page, opened))) {
    if (expectedPath) await expect(page).toHaveURL(expectedPath);
    else await expect(page).not.toHaveURL(/\/ingresar/);
    test.info().annotations.push({ type: "session-resumed", description: email });
    return;
  }
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  // Off the sign-in form: to the landing page, or to the code step.
  await expect(page).not.toHaveURL(/\/ingresar(\?|$)/);
  let secondFactor = false;
  if (/\/ingresar\/verificacion/.test(page.url())) {
    // The code step is not what the calling spec tests: it does not eat into the spec's own time.
    const started = Date.now();
    await enterSecondFactorCode(page, email, options);
    test.info().setTimeout(test.info().timeout + (Date.now() - started));
    secondFactor = true;
  }
  if (expectedPath) await expect(page).toHaveURL(expectedPath);
  else await expect(page).not.toHaveURL(/\/ingresar/);
  if (secondFactor) openSessions.set(key, await page.context().cookies());
  else openSessions.delete(key);
}

// The cookies of the last session each account with a second factor opened through the form in
// this worker, by e-mail and password (another password is another sign-in).
const openSessions = new Map<string, Cookie[]>();

// Whether typing a code now would first wait for the clock (the step usableStep would pick is not
// yet one the server takes).
function mustWaitForStep(email: string): boolean {
  const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
  return (lastStepUsed.get(email.trim().toLowerCase()) ?? -1) + 1 > now + 1;
}

// Puts the session's cookies back and follows the signed-in page of /ingresar to the account's
// home. False, with the cookies cleared again, when the server no longer takes that session.
async function resumeSession(page: Page, cookies: Cookie[]): Promise<boolean> {
  await page.context().addCookies(cookies);
  await page.goto("/ingresar");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^(Ya inició sesión|Ingresar)$/);
  if ((await heading.innerText()).trim() !== "Ya inició sesión") {
    await page.context().clearCookies();
    return false;
  }
  await page.getByRole("link", { name: "Continuar" }).click();
  await expect(page).not.toHaveURL(/\/ingresar/);
  return true;
}

// The last time step whose code this run typed for each account. The server refuses a code whose
// step is not newer than the last one used (replay protection, kept on): a second sign-in within
// the same 30 seconds uses the next step's code, which the server accepts one step early; a third
// waits for the clock to get there.
const lastStepUsed = new Map<string, number>();

// For a spec that typed a code itself (e.g. at enrolment): the helper will not reuse that step.
export function rememberSecondFactorStep(email: string, step: number): void {
  const key = email.trim().toLowerCase();
  lastStepUsed.set(key, Math.max(step, lastStepUsed.get(key) ?? -1));
}

export async function usableStep(page: Page, email: string): Promise<number> {
  const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
  const wanted = Math.max(now, (lastStepUsed.get(email) ?? -1) + 1);
  if (wanted > now + 1) {
    const waitMs = (wanted - 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now() + 500;
    if (waitMs > 0) {
      // The clock's time, not the machine's speed: the test gets that much more time.
      test.info().setTimeout(test.info().timeout + waitMs);
      // In the JSON report, so that the time a run spends waiting for the clock can be added up.
      test.info().annotations.push({ type: "totp-wait-ms", description: String(Math.round(waitMs)) });
      await page.waitForTimeout(waitMs);
    }
  }
  return wanted;
}

// On /ingresar/verificacion: types a code that the server will take and waits to leave the page.
export async function enterSecondFactorCode(page: Page, email: string, options: { totpSecret?: string } = {}): Promise<void> {
  const key = email.trim().toLowerCase();
  const secret = options.totpSecret ?? (isDemoEmail(key) ? demoTotpSecret(key) : null);
  if (!secret) throw new Error(`signIn: ${email} pide un código y no se indicó su clave (options.totpSecret).`);
  const form = page.getByRole("form", { name: "Código de verificación" });
  const error = form.locator("#form-error");
  const codesShown = page.getByRole("heading", { name: "Guarde sus códigos de recuperación" });
  for (let attempt = 0; attempt < 3; attempt++) {
    // A fresh page when a refusal is on screen (an earlier try, ours or the spec's), so that it is
    // not read as this try's answer.
    if (await error.isVisible()) await page.goto(page.url());
    const step = await usableStep(page, key);
    const { code } = totpCodeAt(secret, new Date(step * TOTP_PERIOD_SECONDS * 1000));
    await form.getByLabel("Código de verificación").fill(code);
    await form.getByRole("button").click();
    let outcome = "waiting";
    await expect
      .poll(async () => {
        if (!/\/ingresar\/verificacion/.test(page.url())) outcome = "signed-in";
        else if (await codesShown.isVisible()) outcome = "codes";
        else if (await error.isVisible()) outcome = "refused";
        return outcome;
      })
      .not.toBe("waiting");
    lastStepUsed.set(key, Math.max(step, lastStepUsed.get(key) ?? -1));
    if (outcome === "refused") {
      const message = await error.innerText();
      // Used already (by an earlier run or worker this map does not know of): a newer step.
      if (/ya se usó/.test(message)) continue;
      throw new Error(`signIn: código rechazado para ${email}: ${message}`);
    }
    if (outcome === "codes") await page.getByRole("link", { name: "Ya guardé mis códigos, continuar" }).click();
    await expect(page).not.toHaveURL(/\/ingresar\/verificacion/);
    return;
  }
  throw new Error(`signIn: no se encontró un código sin usar para ${email}.`);
}

export async function signOut(page: Page): Promise<void> {
  // Leave the page first: a request still in flight from it (an autosave, a router refresh) would
  // otherwise come back after the cookies are cleared carrying a refreshed session cookie, and the
  // next sign-in would find the previous person still signed in.
  await page.goto("about:blank");
  await page.context().clearCookies();
}

// One sign-in through the form that the server refuses: returns the message next to the form, and
// checks the person stays on /ingresar. `at` is the sign-in page, on this server or another one.
export async function tryRefusedSignIn(page: Page, email: string, password: string, at = "/ingresar"): Promise<string> {
  await page.goto(at);
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  const alert = page.locator("#form-error");
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/ingresar/);
  return (await alert.innerText()).trim();
}

