import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./helpers/test";
import { E2E_PORT } from "./helpers/e2e-env";
import { fileEducationalRecordAsCitizen } from "./helpers/file-educational-record";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";
import { addCalendarDays, guatemalaCalendarDate } from "../lib/workflow/delegation-calendar";

// Issue #12 point 7: «el Director podrá delegar a quien considere oportuno» (D.1.1 Nota 2, D.2.1
// Nota 3). The Guatemala Norte Director delegates the review to a staff member with no role of her
// own (docs/demo-accounts.md), she opens the office's queue and a case, the Director revokes it and
// her access ends. The case is new, with a name unique to this run.

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const DIRECTOR = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const STAFF = { email: "personal.guatemala-norte@demo.certifica.gt", password: "PersonalNorte2026", name: "Claudia Marisol Sincal Ordóñez" };

const RUN = `Dg${randomBytes(3).toString("hex")}`;

let tmpDir: string;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-delegation-");
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

// A submitted D.1.1 request of the demo citizen for Guatemala Norte: through the domain on a
// PostgreSQL e2e database (e2e/staff-fixtures.mts), otherwise through her screens.
async function fileCase(page: Page, lastNames: string): Promise<string> {
  if (!process.env.TEST_DATABASE_URL) {
    const scan = await writeTextPdf(path.join(tmpDir, "certificado.pdf"), ["Certificado - Anverso", "Certificado - Reverso"]);
    return fileEducationalRecordAsCitizen(page, CITIZEN, lastNames, scan);
  }
  const result = spawnSync("npx", ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/staff-fixtures.mts", JSON.stringify({ cases: [{ lastNames }] })], {
    encoding: "utf8",
    env: { ...process.env, APP_BASE_URL: `http://localhost:${E2E_PORT}` },
  });
  if (result.status !== 0) throw new Error(`staff-fixtures falló: ${result.stderr}`);
  const [created] = JSON.parse(result.stdout) as Array<{ id: string; state: string }>;
  expect(created.state).toBe("DIDEDUC_REVIEW");
  return created.id;
}

const axe = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

test('"El Director podrá delegar a quien considere oportuno": delegates the review for a week, the delegate opens the queue and a case, the Director revokes it', async ({ page }) => {
  const caseId = await fileCase(page, `Delegado ${RUN}`);
  const today = guatemalaCalendarDate(new Date());
  const inAWeek = addCalendarDays(today, 7);

  // The Director reaches the page from the area's navigation.
  await signIn(page, DIRECTOR.email, DIRECTOR.password, /\/direccion$/);
  await page.getByRole("navigation", { name: "Páginas de la Dirección Departamental" }).getByRole("link", { name: "Delegaciones" }).click();
  await expect(page).toHaveURL(/\/direccion\/delegaciones$/);
  await expect(page.getByRole("heading", { level: 1, name: "Delegaciones" })).toBeVisible();
  await axe(page);

  const form = page.getByRole("form", { name: "Delegar la revisión" });
  // Only the review is offered: the signature is personal (docs/decisions/0015).
  await expect(form.getByRole("radio")).toHaveCount(1);
  await expect(form.getByRole("radio", { name: "Revisión técnica (Departamento Técnico Pedagógico)" })).toBeChecked();
  // The reviewer already reviews, the Director is himself: neither is offered.
  const delegate = form.getByLabel("Persona delegada");
  await expect(delegate.locator("option", { hasText: "Lucía Fernanda Xitumul Pérez" })).toHaveCount(0);
  await expect(delegate.locator("option", { hasText: "José Antonio Pérez Gómez" })).toHaveCount(0);

  // Sent incomplete: the errors are next to their fields, tied to them, and what was typed stays.
  await form.getByLabel("Hasta (inclusive)").fill(addCalendarDays(today, -1));
  await form.getByRole("button", { name: "Delegar la revisión" }).click();
  await expect(page.locator("#delegacion-error")).toBeVisible();
  await expect(delegate).toHaveAttribute("aria-describedby", /delegateId-error/);
  await expect(page.locator("#delegateId-error")).toContainText("Seleccione a quién delega.");
  await expect(page.locator("#note-error")).toContainText("Indique el motivo de la delegación.");
  await expect(form.getByLabel("Hasta (inclusive)")).toHaveAttribute("aria-describedby", /validTo-error/);
  await expect(page.locator("#validTo-error")).toContainText("La fecha final no puede ser anterior a la inicial.");
  await axe(page);

  await delegate.selectOption({ label: `${STAFF.name} — Asistente de la Dirección Departamental` });
  await expect(form.getByLabel("Desde")).toHaveValue(today);
  await form.getByLabel("Hasta (inclusive)").fill(inAWeek);
  await form.getByLabel("Motivo").fill(`Vacaciones del Departamento Técnico Pedagógico ${RUN}`);
  await form.getByRole("button", { name: "Delegar la revisión" }).click();
  await expect(page.getByTestId("delegation-created")).toBeVisible();
  const current = page.getByRole("region", { name: /Vigentes y próximas/ }).getByTestId("delegation-row").filter({ hasText: RUN });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(STAFF.name);
  await expect(current).toContainText("Revisión técnica (Departamento Técnico Pedagógico)");
  await expect(current).toContainText("José Antonio Pérez Gómez");
  await expect(current.getByTestId("delegation-status")).toHaveText("Vigente");
  // On a phone the page fits the width, the delegation and the form included.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, "/direccion/delegaciones se desborda a lo ancho en un teléfono").toBeLessThanOrEqual(innerWidth);
  await page.setViewportSize(desktop);
  await signOut(page);

  // The delegate, with no role of her own, lands on the office's review queue and opens the case.
  await signIn(page, STAFF.email, STAFF.password, /\/dideduc$/);
  await expect(page.getByRole("heading", { level: 1, name: "Revisión departamental" })).toBeVisible();
  await page.getByLabel("Buscar por número, CUI o nombre").fill(RUN);
  await page.getByRole("button", { name: "Filtrar" }).click();
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(1);
  await page.goto(`/dideduc/casos/${caseId}`);
  await expect(page.getByTestId("case-number")).toBeVisible();
  await expect(page.getByRole("button", { name: "Generar certificación y trasladar a firma" })).toBeVisible();
  await signOut(page);

  // The Director revokes it, confirming, with a reason.
  await signIn(page, DIRECTOR.email, DIRECTOR.password, /\/direccion$/);
  await page.goto("/direccion/delegaciones");
  const row = page.getByRole("region", { name: /Vigentes y próximas/ }).getByTestId("delegation-row").filter({ hasText: RUN });
  await row.getByText("Revocar…").click();
  const revoke = row.getByRole("form", { name: `Revocar la delegación de ${STAFF.name}` });
  await revoke.getByLabel("Motivo de la revocación (opcional)").fill("Regresó la técnica titular");
  await axe(page);
  await revoke.getByRole("button", { name: "Confirmar la revocación" }).click();
  const past = page.getByRole("region", { name: /Terminadas y revocadas/ }).getByTestId("delegation-row").filter({ hasText: RUN });
  await expect(past.getByTestId("delegation-status")).toHaveText("Revocada");
  await expect(past).toContainText("Regresó la técnica titular");
  await expect(page.getByRole("region", { name: /Vigentes y próximas/ }).getByTestId("delegation-row").filter({ hasText: RUN })).toHaveCount(0);
  await signOut(page);

  // Her authority is gone: the review area and the case are closed to her.
  await signIn(page, STAFF.email, STAFF.password);
  await page.goto("/dideduc");
  await expect(page).toHaveURL(/\/no-autorizado/);
  await page.goto(`/dideduc/casos/${caseId}`);
  await expect(page).toHaveURL(/\/no-autorizado/);
});
