import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./helpers/test";
import { E2E_PKI_DIR } from "./helpers/e2e-env";
import { signIn, signOut } from "./helpers/sign-in";

const ADMIN = { email: "admin@demo.certifica.gt", password: "Administra2026" };

test.describe("Administración del personal y de los firmantes", () => {
  test("crea una revisora de Quetzaltenango que ingresa a /dideduc; desactivada, ya no puede ingresar", async ({ page }) => {
    const email = `revisora.e2e.${Date.now()}@mineduc.gt`;
    const password = "RevisaXela2026e2e";
    await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
    await expect(page.getByRole("link", { name: "Correos enviados (bandeja de salida)" })).toBeVisible();
    await page.getByRole("link", { name: "Cuentas del personal" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cuentas del personal" })).toBeVisible();

    const form = page.getByRole("form", { name: "Crear cuenta del personal" });
    await form.getByLabel("Nombre completo").fill("Carmen Elena Tzunún Ixcoy");
    await form.getByLabel("Correo electrónico").fill(email);
    await form.getByLabel("Puesto").fill("Técnica del Departamento Técnico Pedagógico");
    await form.getByLabel("Departamento Técnico Pedagógico (DIDEDUC)").check();
    await form.getByLabel("Contraseña inicial").fill(password);
    // Without the DIDEDUC: refused next to the field, and what was typed stays.
    await form.getByRole("button", { name: "Crear cuenta" }).click();
    await expect(page.locator("#dideducId-error")).toContainText("requieren elegir la Dirección Departamental");
    await expect(form.getByLabel("Nombre completo")).toHaveValue("Carmen Elena Tzunún Ixcoy");
    await expect(form.getByLabel("Departamento Técnico Pedagógico (DIDEDUC)")).toBeChecked();

    await form.getByLabel("Dirección Departamental (DIDEDUC)").selectOption({ label: "Quetzaltenango" });
    await form.getByLabel("Contraseña inicial").fill(password);
    await form.getByRole("button", { name: "Crear cuenta" }).click();
    await expect(page.getByText("Cuenta creada")).toBeVisible();
    await expect(page.getByTestId("account-table")).toContainText(email);

    await signOut(page);
    await signIn(page, email, password, /\/dideduc/);

    await signOut(page);
    await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
    await page.goto(`/admin/cuentas?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: "Carmen Elena Tzunún Ixcoy" }).click();
    await page.getByLabel("Motivo").fill("Prueba de desactivación");
    await page.getByRole("button", { name: "Desactivar cuenta" }).click();
    await expect(page.getByRole("button", { name: "Reactivar cuenta" })).toBeVisible();

    await signOut(page);
    await page.goto("/ingresar");
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page.getByText("Su cuenta está desactivada")).toBeVisible();
    await expect(page).toHaveURL(/\/ingresar/);
  });

  test("registra un firmante desde su .cert.pem, rechaza un .p12 y lo revoca", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
    await page.goto("/admin/firmantes");
    await expect(page.getByRole("heading", { level: 1, name: "Registro de firmantes autorizados" })).toBeVisible();
    const form = page.getByRole("form", { name: "Registrar firmante" });

    await form.getByLabel("Archivo del certificado (.pem, .cer o .crt)").setInputFiles(path.join(E2E_PKI_DIR, "signer-quetzaltenango.p12"));
    await form.getByLabel("Oficina").selectOption({ label: "Archivo Documental" });
    await form.getByLabel("Puesto").fill("Encargado del Archivo (prueba)");
    await form.getByRole("button", { name: "Registrar firmante" }).click();
    await expect(page.locator("#certificate-error")).toContainText("contiene una clave privada");
    await expect(form.getByLabel("Puesto")).toHaveValue("Encargado del Archivo (prueba)");

    await form.getByLabel("Archivo del certificado (.pem, .cer o .crt)").setInputFiles(path.join(E2E_PKI_DIR, "signer-quetzaltenango.cert.pem"));
    await form.getByRole("button", { name: "Registrar firmante" }).click();
    await expect(page.getByText("Firmante registrado")).toBeVisible();

    await page.goto("/admin/firmantes?oficina=ARCHIVE");
    const row = page.getByTestId("signer-row").filter({ hasText: "Encargado del Archivo (prueba)" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Héctor Rolando Xicará Monzón");
    await expect(row.getByTestId("signer-state")).toHaveText("Vigente");
    await expect(row.locator("code")).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    await row.getByLabel("Motivo de la revocación").fill("Registrado por error en la prueba");
    await row.getByRole("button", { name: "Revocar" }).click();
    await expect(row.getByTestId("signer-state")).toHaveText("Revocado");
    await expect(row).toContainText("Registrado por error en la prueba");
  });

  test("delegación creada y revocada, supervisión agregada y quitada; axe sin violaciones en las pantallas", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
    const axe = async () => expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await axe();

    await page.goto("/admin/delegaciones");
    const form = page.getByRole("form", { name: "Crear delegación" });
    await form.getByLabel("Quien delega (Director o firmante de la DIDEDUC)").selectOption({ label: "Héctor Rolando Xicará Monzón — Quetzaltenango" });
    await form.getByLabel("Persona delegada (personal de la misma DIDEDUC)").selectOption({ label: "Rosa Elena Coyoy Tzul — Quetzaltenango" });
    const today = new Date();
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await form.getByLabel("Desde").fill(day(new Date(today.getTime() + 86400_000)));
    await form.getByLabel("Hasta (inclusive)").fill(day(new Date(today.getTime() + 5 * 86400_000)));
    await form.getByRole("button", { name: "Crear delegación" }).click();
    await expect(page.getByText("Delegación creada")).toBeVisible();
    const row = page.getByTestId("delegation-row").filter({ hasText: "Rosa Elena Coyoy Tzul" });
    await expect(row).toHaveCount(1);
    await axe();
    await row.getByRole("button", { name: "Revocar" }).click();
    await expect(page.getByTestId("delegation-row").filter({ hasText: "Rosa Elena Coyoy Tzul" })).toContainText("Revocada");

    await page.goto("/admin/dideduc");
    await expect(page.getByTestId("dideduc-table").locator("tbody tr")).toHaveCount(26);
    await axe();
    await page.getByRole("link", { name: "Quetzaltenango" }).click();
    const add = page.getByRole("form", { name: "Agregar supervisión" });
    await add.getByLabel("Nombre").fill("Supervisión Educativa de Prueba E2E");
    await add.getByLabel("Teléfono").fill("7765 0000");
    await add.getByLabel("Dirección").fill("Zona 3, Quetzaltenango");
    await add.getByRole("button", { name: "Agregar supervisión" }).click();
    const item = page.getByTestId("supervision").filter({ has: page.locator('input[value="Supervisión Educativa de Prueba E2E"]') });
    await expect(item).toHaveCount(1);
    await axe();
    await item.getByRole("button", { name: "Quitar" }).click();
    await expect(item).toHaveCount(0);

    for (const url of ["/admin/cuentas", "/admin/firmantes"]) {
      await page.goto(url);
      await axe();
    }
  });

  test('"demo data may use placeholders, marked as such on screen": «Dato de demostración» on the seed\'s DIDEDUCs in the directory and on a DIDEDUC\'s page, gone once the administrator saves real data', async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
    await page.goto("/admin/dideduc");
    const row = page.getByTestId("dideduc-table").locator("tbody tr").filter({ has: page.getByRole("link", { name: "Baja Verapaz", exact: true }) });
    await expect(row).toHaveCount(1);
    // The DIDEDUC's own data and its Supervisiones Educativas, both invented by the seed.
    await expect(row.locator("th").getByTestId("demo-data-mark")).toHaveText("Dato de demostración");
    await expect(row.locator("td").last().getByTestId("demo-data-mark")).toHaveText("Dato de demostración");

    await row.getByRole("link", { name: "Baja Verapaz", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dirección Departamental de Baja Verapaz" })).toBeVisible();
    await expect(page.getByText("Los datos son de demostración hasta que se guarden los reales.")).toBeVisible();
    const offices = page.getByTestId("supervision");
    await expect(offices).toHaveCount(2);
    for (const office of await offices.all()) {
      await expect(office.getByTestId("demo-data-mark")).toHaveText("Dato de demostración: teléfono y dirección de ejemplo; guarde los reales");
    }

    // Real data saved: the DIDEDUC is no longer marked; its offices still are, until saved too.
    const form = page.getByRole("form", { name: "Datos de Baja Verapaz" });
    await form.getByLabel("Dirección").fill("6a. Avenida 5-20, zona 1, Salamá, Baja Verapaz");
    await form.getByLabel("Teléfono").fill("7940 1500");
    await form.getByLabel("Correo electrónico").fill("dideduc.bajaverapaz@mineduc.gob.gt");
    await form.getByRole("button", { name: "Guardar datos de la DIDEDUC" }).click();
    // Saved: the form says so, and shows the phone as stored.
    await expect(form.getByText("Datos guardados.")).toBeVisible();
    await expect(form.getByLabel("Teléfono")).toHaveValue("7940-1500");
    await page.reload();
    await expect(page.getByText("Los datos son de demostración hasta que se guarden los reales.")).toHaveCount(0);
    await expect(offices.getByTestId("demo-data-mark")).toHaveCount(2);

    await page.goto("/admin/dideduc");
    await expect(row.locator("th").getByTestId("demo-data-mark")).toHaveCount(0);
    await expect(row.locator("td").last().getByTestId("demo-data-mark")).toHaveText("Dato de demostración");
    // Another seed DIDEDUC keeps its mark.
    const other = page.getByTestId("dideduc-table").locator("tbody tr").filter({ has: page.getByRole("link", { name: "Alta Verapaz", exact: true }) });
    await expect(other.locator("th").getByTestId("demo-data-mark")).toHaveText("Dato de demostración");
  });
  test("plazos y días hábiles: un plazo inválido se rechaza junto al campo sin perder lo escrito, uno válido se guarda; un asueto se agrega y se quita; axe sin violaciones", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
    await page.getByRole("link", { name: "Plazos y días hábiles" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Plazos y días hábiles" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    // The seeded holidays: Independence Day among them (decision 0022).
    await expect(page.getByTestId("holiday").filter({ hasText: "Día de la Independencia" })).toHaveCount(2);

    // D.3's central review (the queues the other specs check keep their targets).
    const target = page.getByRole("form", { name: /^Plazo: D\.3 .*En revisión en Atención al Ciudadano$/ });
    await target.getByLabel("Días hábiles").fill("0");
    await target.getByRole("button", { name: "Guardar" }).click();
    await expect(target.getByText("El plazo va de 1 a 250 días hábiles.")).toBeVisible();
    await expect(target.getByLabel("Días hábiles")).toHaveValue("0");
    await target.getByLabel("Días hábiles").fill("4");
    await target.getByRole("button", { name: "Guardar" }).click();
    await expect(target.getByText("Plazo guardado.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: /^Plazo: D\.3 .*En revisión en Atención al Ciudadano$/ }).getByLabel("Días hábiles")).toHaveValue("4");

    const add = page.getByRole("form", { name: "Agregar día de asueto" });
    await add.getByLabel("Fecha").fill("2028-01-03");
    await add.getByLabel("Nombre").fill("Asueto de prueba E2E");
    await add.getByRole("button", { name: "Agregar asueto" }).click();
    const holiday = page.getByTestId("holiday").filter({ hasText: "Asueto de prueba E2E" });
    await expect(holiday).toHaveCount(1);
    await holiday.getByRole("button", { name: "Quitar" }).click();
    await expect(holiday).toHaveCount(0);
  });
});
