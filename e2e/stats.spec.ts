import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/case-page";
import { signIn } from "./helpers/sign-in";
import { expect, test } from "./helpers/test";

const COORDINATOR = { email: "coordinadora.central@demo.certifica.gt", password: "Coordina2026" };
const DIRECTOR_GN = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };

// The "Recibidas" column of the monthly table, summed (the demo seed's cases are recent).
async function receivedTotal(page: Page): Promise<number> {
  const cells = await page.getByTestId("stats-mensual").locator("tbody tr td:nth-of-type(1)").allTextContents();
  return cells.reduce((a, c) => a + Number(c.replace(/\D/g, "") || 0), 0);
}

// Issue #14 §2: "For the Encargado and coordination (/atencion/estadisticas), and for each DIDEDUC
// director its own office (/direccion/estadisticas) … filters by period, DIDEDUC and procedure, and
// CSV export of every table."
test("la coordinación y la dirección ven sus estadísticas, filtran y descargan el CSV", async ({ browser }) => {
  const central = await (await browser.newContext()).newPage();
  await signIn(central, COORDINATOR.email, COORDINATOR.password, /\/atencion$/);
  await central.getByRole("navigation", { name: "Secciones" }).getByRole("link", { name: "Estadísticas" }).click();
  await expect(central.getByRole("heading", { level: 1, name: "Estadísticas" })).toBeVisible();
  for (const title of ["Solicitudes por mes", "Solicitudes por trámite", "Solicitudes por Dirección Departamental", "Tiempo por etapa", "Correcciones y rechazos", "Pendientes por antigüedad"]) {
    await expect(central.getByRole("heading", { level: 2, name: title })).toBeVisible();
  }
  // Each chart's numbers are also a table, named by its caption.
  await expect(central.getByRole("table", { name: /^Solicitudes recibidas, emitidas, rechazadas y en trámite/ })).toBeVisible();
  const all = await receivedTotal(central);
  expect(all).toBeGreaterThan(0);
  await expectNoAxeViolations(central);

  // A filter (the GET form) changes the numbers.
  const filters = central.getByRole("search", { name: "Filtrar las estadísticas" });
  await filters.getByLabel("Trámite").selectOption("SWORN_TRANSLATION");
  await filters.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(central).toHaveURL(/tramite=SWORN_TRANSLATION/);
  await expect(central.getByRole("search", { name: "Filtrar las estadísticas" }).getByLabel("Trámite")).toHaveValue("SWORN_TRANSLATION");
  expect(await receivedTotal(central)).not.toBe(all);

  // A period longer than 36 months is cut, and the page says so next to «Desde» as a notice: the
  // field is not marked invalid (nothing typed was wrong).
  await central.goto("/atencion/estadisticas?desde=2020-01&hasta=2026-12");
  const desde = central.getByRole("search", { name: "Filtrar las estadísticas" }).getByLabel("Desde (mes)");
  await expect(desde).toHaveValue("2024-01");
  await expect(desde).toHaveAccessibleDescription("El período se limitó a 36 meses: desde 2024-01.");
  await expect(desde).not.toHaveAttribute("aria-invalid", "true");

  // Each table's CSV carries the page's headers and the filter.
  const [download] = await Promise.all([central.waitForEvent("download"), central.getByTestId("csv-mensual").click()]);
  expect(download.suggestedFilename()).toMatch(/^estadisticas-mensual-\d{4}-\d{2}-a-\d{4}-\d{2}\.csv$/);
  const lines = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("Mes,Recibidas,Emitidas,Rechazadas,En trámite al cierre");
  expect(lines.length).toBe(1 + (await central.getByTestId("stats-mensual").locator("tbody tr").count()));

  // A director: their own DIDEDUC only, whatever the URL asks; no DIDEDUC filter offered.
  const director = await (await browser.newContext()).newPage();
  await signIn(director, DIRECTOR_GN.email, DIRECTOR_GN.password, /\/direccion$/);
  await director.getByRole("navigation", { name: "Páginas de la Dirección Departamental" }).getByRole("link", { name: "Estadísticas" }).click();
  await expect(director.getByRole("heading", { level: 1, name: "Estadísticas" })).toBeVisible();
  await expect(director.getByText(/Solicitudes de Guatemala Norte/)).toBeVisible();
  await expect(director.getByRole("search", { name: "Filtrar las estadísticas" }).getByLabel("Dirección Departamental")).toHaveCount(0);
  await expect(director.getByTestId("stats-dideduc")).toHaveCount(0);
  await expect(director.getByTestId("stats-mensual").locator("tbody tr").first()).toBeVisible();
  await expectNoAxeViolations(director);
});
