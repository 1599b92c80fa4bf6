import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./helpers/test";
import { signIn } from "./helpers/sign-in";

const SAMPLE = path.resolve("docs/samples/registro-titulos-ejemplo.csv");

test.describe("Administración de registros", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "admin@demo.certifica.gt", "Administra2026");
  });

  test("importa el CSV de ejemplo, descarga el informe de rechazadas y una segunda importación no cambia nada", async ({ page }) => {
    await page.goto("/admin/titulos");
    await expect(page.getByRole("heading", { level: 1, name: "Registro de títulos" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "numero_registro" })).toBeVisible();
    // The sample the page links to is the documented file.
    const sample = await page.request.get("/admin/titulos/ejemplo");
    expect(sample.status()).toBe(200);
    expect(Buffer.from(await sample.body()).equals(fs.readFileSync(SAMPLE))).toBe(true);
    const totalBefore = Number((await page.getByTestId("registry-total").textContent())!.replace(/\D/g, ""));

    // A file that is not a CSV is refused in the browser, next to the field, and nothing is imported.
    const field = page.getByLabel("Archivo CSV del registro de títulos");
    await field.setInputFiles({ name: "titulos.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("PK") });
    await expect(page.getByTestId("file-picker-chosen")).toHaveText("titulos.xlsx (1 KB)");
    await page.getByRole("button", { name: "Importar archivo" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "No se importó el archivo" })).toContainText("Revise el archivo elegido.");
    await expect(page.locator("#csv-file-error")).toHaveText("Error: El archivo debe ser un CSV (extensión .csv), guardado como «CSV UTF-8».");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(/El archivo debe ser un CSV \(extensión \.csv\)/);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await expect(page.getByTestId("registry-total")).toHaveText(`(${totalBefore})`);

    // Choosing the right file clears the refusal; its name and size are shown.
    await field.setInputFiles(SAMPLE);
    await expect(page.getByTestId("file-picker-chosen")).toHaveText("registro-titulos-ejemplo.csv (2 KB)");
    await expect(page.locator("#csv-file-error")).toHaveCount(0);
    await expect(field).not.toHaveAttribute("aria-invalid");
    await page.getByRole("button", { name: "Importar archivo" }).click();
    const result = page.getByTestId("import-result");
    await expect(result).toBeVisible();
    await expect(result.getByTestId("count-rows")).toHaveText("14");
    await expect(result.getByTestId("count-created")).toHaveText("8");
    await expect(result.getByTestId("count-unchanged")).toHaveText("0");
    await expect(result.getByTestId("count-rejected")).toHaveText("6");
    await expect(result.getByTestId("count-conflicts")).toHaveText("1");
    await expect(result).toContainText("anterior a 2005");
    await expect(page.getByTestId("registry-total")).toHaveText(`(${totalBefore + 8})`);

    const downloadPromise = page.waitForEvent("download");
    await result.getByRole("link", { name: "Descargar informe de filas rechazadas" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^filas-rechazadas-.*\.csv$/);
    const report = fs.readFileSync((await download.path())!, "utf8");
    const lines = report.replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(lines[0]).toBe("linea;numero_registro;nombre;titulo;establecimiento;anio;dideduc;firmado_por;cui;fecha_nacimiento;motivo");
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => l.split(";")[0]).slice(1)).toEqual(["8", "9", "10", "11", "14", "15"]);
    expect(report).toContain("X-2016-1");
    expect(report).toContain("La DIDEDUC «Atlántida» no existe en el directorio.");
    expect(report).toContain("ya está registrado con otros datos");
    expect(report).toContain("Firmado por «supervisor» no es un valor válido");

    // Searching the registry by the number as a citizen would type it.
    await page.getByLabel("Número de registro o nombre").fill("d 2016 100001");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page.getByTestId("diploma-table")).toContainText("Luisa Fernanda Coj Tzul");
    await expect(page.getByTestId("diploma-table").locator("tbody tr")).toHaveCount(1);

    // The same file again: nothing new, nothing changed.
    await page.goto("/admin/titulos");
    await page.getByLabel("Archivo CSV del registro de títulos").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "Importar archivo" }).click();
    await expect(result.getByTestId("count-created")).toHaveText("0");
    await expect(result.getByTestId("count-unchanged")).toHaveText("8");
    await expect(result.getByTestId("count-rejected")).toHaveText("6");
    await expect(page.getByTestId("registry-total")).toHaveText(`(${totalBefore + 8})`);
    await expect(page.getByTestId("import-history").locator("li")).toHaveCount(2);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test("desactiva y reactiva a un traductor jurado con motivo", async ({ page }) => {
    await page.goto("/admin/traductores");
    const row = page.getByTestId("translator-row").filter({ hasText: "Ana Lucía Méndez Ruiz" });
    await expect(row).toContainText("Activo");
    await row.getByRole("button", { name: "Desactivar" }).click();
    // Without a reason the browser does not send the form.
    expect(await row.getByLabel("Motivo para desactivar").evaluate((e) => (e as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    await expect(row).toContainText("Activo");
    await row.getByLabel("Motivo para desactivar").fill("Suspensión notificada por la DIDEDUC");
    await row.getByRole("button", { name: "Desactivar" }).click();
    await expect(row).toContainText("Inactivo");
    await expect(row).toContainText("Suspensión notificada por la DIDEDUC");
    await row.getByLabel("Motivo para reactivar").fill("Suspensión levantada");
    await row.getByRole("button", { name: "Reactivar" }).click();
    await expect(row).toContainText("Activo");
    await expect(row).toContainText("Reactivado");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test("registra la forma de trato de una traductora jurada (issue #12, punto 4)", async ({ page }) => {
    await page.goto("/admin/traductores");
    const row = page.getByTestId("translator-row").filter({ hasText: "Ana Lucía Méndez Ruiz" });
    // As she answered in her registration (the demo data).
    const form = row.getByRole("form", { name: "Forma de trato de Ana Lucía Méndez Ruiz" });
    await expect(form.getByLabel("Forma de trato")).toHaveValue("FEMININE");
    await expect(row.getByRole("rowheader")).toContainText("Traductora jurada");
    await form.getByLabel("Forma de trato").selectOption("UNKNOWN");
    await form.getByRole("button", { name: "Guardar forma de trato" }).click();
    await expect(row.getByRole("rowheader")).toContainText("Traductor(a) jurado(a)");
    // Back as she stated it; saving the same value again says so.
    await form.getByLabel("Forma de trato").selectOption("FEMININE");
    await form.getByRole("button", { name: "Guardar forma de trato" }).click();
    await expect(row.getByRole("rowheader")).toContainText("Traductora jurada");
    await form.getByRole("button", { name: "Guardar forma de trato" }).click();
    await expect(form.getByRole("alert")).toContainText("ya tiene esa forma de trato");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });
});
