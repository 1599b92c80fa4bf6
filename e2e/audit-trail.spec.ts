import fs from "node:fs";
import { expectNoAxeViolations } from "./helpers/case-page";
import { signIn } from "./helpers/sign-in";
import { expect, test } from "./helpers/test";

const ADMIN = { email: "admin@demo.certifica.gt", password: "Administra2026" };

// Issue #14 §3: "/admin/auditoria: filter by date, actor, action, case or account; CSV export."
test("la administración filtra la bitácora (su propio ingreso) y la descarga en CSV", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
  await page.getByRole("link", { name: "Bitácora de auditoría" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bitácora de auditoría" })).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await expectNoAxeViolations(page);

  const filters = page.getByRole("search", { name: "Filtrar la bitácora" });
  await filters.getByLabel("Acción").selectOption({ label: "Ingreso al sistema" });
  await filters.getByLabel("Autor").fill(ADMIN.email);
  await filters.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/accion=auth.sign_in/);
  const first = page.getByTestId("audit-row").first();
  await expect(first).toContainText("Ingreso al sistema");
  await expect(first).toContainText(ADMIN.email);
  await expect(page.getByTestId("audit-row").filter({ hasNotText: "Ingreso al sistema" })).toHaveCount(0);

  // A malformed date is refused next to its field; the other filters stay.
  await page.goto(`/admin/auditoria?accion=auth.sign_in&desde=ayer`);
  await expect(page.locator("#desde-error")).toHaveText("Error: Use el formato AAAA-MM-DD.");
  await expect(page.getByRole("search", { name: "Filtrar la bitácora" }).getByLabel("Desde")).toHaveAttribute("aria-describedby", "desde-error");
  await expect(page.getByRole("search", { name: "Filtrar la bitácora" }).getByLabel("Acción")).toHaveValue("auth.sign_in");

  await page.goto(`/admin/auditoria?accion=auth.sign_in&autor=${encodeURIComponent(ADMIN.email)}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar CSV de lo filtrado" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("evento,fecha (UTC),acción,código de acción,autor,correo del autor,rol,caso,estado anterior,estado nuevo,nota,IP,datos,hash anterior,hash");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain(",Ingreso al sistema,auth.sign_in,");
});
