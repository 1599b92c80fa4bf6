import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./helpers/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expectNoAxeViolations, stateOf } from "./helpers/case-page";
import { registerAccount } from "./helpers/register-account";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir } from "./helpers/test-pdfs";

// D.4 in the browser, from the translator's first click to the registration: the translator
// creates their own account ("Soy traductor jurado"), lands on their page, files the registration
// with the resolution (a refused submission keeps what was typed and says what is missing next to
// it), the central manager finds it in the queue, reads the data beside the PDF and accepts, and the
// translator's page then shows the registry entry. The assistant's queue never lists it. She answers
// "Forma de trato" (issue #12, point 4): the registry and her page then say "inscrita", as the
// sheets of her translations will say "traductora jurada". Then a citizen's account opens the same
// form with its own account (issue #14 §5, decision 0025).

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const MANAGER = { email: "encargado.central@demo.certifica.gt", password: "Encargado2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };

const RUN = randomBytes(3).toString("hex").toUpperCase();
// Names take letters only: the run's hex digits spelled as letters.
const SURNAME = `Cojtí ${[...RUN].map((c) => "ABCDEFGHIJKLMNOP"[parseInt(c, 16)]).join("").toLowerCase().replace(/^./, (x) => x.toUpperCase())}`;
const TRANSLATOR = {
  name: `Rebeca Isabel ${SURNAME}`,
  email: `rebeca.cojti.${RUN.toLowerCase()}@example.com`,
  password: "Traduccion-2026",
};
const NUMBER = `TJ-QZ-${RUN}`;

let tmpDir: string;
let resolutionPdf: string;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-d4-");
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p = doc.addPage([612, 792]);
  p.drawText("Acuerdo Ministerial 3050-2022 - nombramiento de traductora jurada", { x: 50, y: 700, size: 12, font });
  p.drawText(`Sello de registro DIDEDUC Quetzaltenango ${NUMBER}`, { x: 50, y: 660, size: 12, font });
  resolutionPdf = path.join(tmpDir, "resolucion-nombramiento.pdf");
  await fs.writeFile(resolutionPdf, Buffer.from(await doc.save()));
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

test("D.4 de punta a punta: cuenta de traductor, solicitud de registro, aceptación del encargado y la inscripción en su página", async ({ page }) => {
  test.setTimeout(180_000);

  // 1. The translator creates their own account.
  await registerAccount(page, { ...TRANSLATOR, translator: true });
  const card = page.getByRole("region", { name: "Mi registro de traductor jurado" });
  await expect(card).toContainText("Todavía no tiene inscripción");
  await expectNoAxeViolations(page);

  // 2. The registration form, with the account's name already in it.
  await card.getByRole("link", { name: "Solicitar mi registro" }).click();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/nueva\/registro-traductor$/);
  await expect(page.getByLabel("Nombre completo")).toHaveValue(TRANSLATOR.name);
  await page.getByRole("checkbox", { name: "inglés", exact: true }).check();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await page.getByRole("checkbox", { name: "k'iche'", exact: true }).check();
  await page.getByLabel("Otros idiomas").fill("catalán");
  await page.getByLabel("Número de acuerdo o resolución").fill("Acuerdo Ministerial 3050-2022");
  await page.getByLabel("Dirección Departamental de Educación que registró su nombramiento").selectOption({ label: "Quetzaltenango" });
  await page.getByLabel("Número de registro en la DIDEDUC").fill(NUMBER);
  await page.getByLabel("Agregar archivos PDF").setInputFiles(resolutionPdf);
  await expect(page.getByTestId("uploaded-files").getByText("resolucion-nombramiento.pdf")).toBeVisible({ timeout: 20_000 });

  // Sent without confirming the DIDEDUC's stamp nor answering how she wants to be named: refused,
  // each reason next to its question, nothing lost.
  await page.getByRole("button", { name: "Enviar solicitud de registro" }).click();
  await expect(page.locator("#f-gender-error")).toContainText("Elija cómo desea ser nombrado(a) en las certificaciones: traductora jurada o traductor jurado.");
  const stampBox = page.getByRole("checkbox", { name: /lleva el sello de registro de la Dirección Departamental/ });
  await expect(page.locator("#f-resolutionStampConfirmed-error")).toContainText("Confirme que la resolución o acuerdo lleva el sello de registro");
  await expect(stampBox).toHaveAttribute("aria-describedby", "f-resolutionStampConfirmed-error");
  await expect(page.getByLabel("Número de registro en la DIDEDUC")).toHaveValue(NUMBER);
  await expect(page.getByTestId("uploaded-files").getByText("resolucion-nombramiento.pdf")).toBeVisible();
  await expectNoAxeViolations(page);

  const formOfAddress = page.getByRole("group", { name: "Forma de trato: ¿cómo desea ser nombrado(a)?" });
  await formOfAddress.getByRole("radio", { name: "Traductora jurada" }).check();
  // The form then speaks to her in the feminine.
  await expect(page.getByText("Marque cada idioma para el que fue nombrada traductora jurada.")).toBeVisible();
  await stampBox.check();
  await page.getByRole("button", { name: "Enviar solicitud de registro" }).click();
  await expect(page.getByText("En revisión del Encargado de Atención al Ciudadano").first()).toBeVisible({ timeout: 15_000 });
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  const caseNumber = (await page.getByText(/^RT-\d{4}-\d{6}$/).first().textContent())!.trim();
  await page.goto("/ciudadano");
  await expect(page.getByTestId("translator-registration-status")).toContainText("En revisión del Encargado de Atención al Ciudadano");
  await signOut(page);

  // 3. The assistant's queue does not list registrations.
  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
  await page.goto(`/atencion?estado=todos&q=${encodeURIComponent(caseNumber)}`);
  await expect(page.getByRole("link", { name: caseNumber })).toHaveCount(0);
  await signOut(page);

  // 4. The central manager finds it in the queue, reads the data beside the resolution and accepts.
  // Issue #14: his queue opens on «Requiere mi acción», where the registration waits with its days.
  await signIn(page, MANAGER.email, MANAGER.password, /\/atencion$/);
  await page.goto(`/atencion?q=${encodeURIComponent(caseNumber)}`);
  await expect(page.getByLabel("Estado").locator("option:checked")).toHaveText("Requiere mi acción");
  const row = page.getByTestId("queue-row");
  await expect(row).toHaveCount(1);
  await expect(row.locator("[data-state]")).toHaveAttribute("data-state", "MANAGER_REVIEW");
  await expect(row.getByTestId("days-in-stage")).toHaveText("0 días");
  await expect(row.getByTestId("days-total")).toHaveText("0 días");
  await page.getByRole("link", { name: caseNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/atencion/casos/${caseId}$`));
  const data = page.getByTestId("case-summary");
  await expect(data).toContainText(TRANSLATOR.name);
  await expect(data).toContainText("inglés, k'iche', catalán");
  await expect(data).toContainText("Quetzaltenango");
  await expect(data).toContainText(NUMBER);
  await expect(data).toContainText("Forma de trato");
  await expect(data).toContainText("Traductora jurada");
  await expect(page.getByTestId("case-files")).toContainText("resolucion-nombramiento.pdf");
  await expectNoAxeViolations(page);
  const accept = page.getByRole("form", { name: "Aceptar y registrar" });
  await accept.getByRole("button", { name: "Aceptar y registrar" }).click();
  await expect(page.getByTestId("done-notice")).toContainText("la inscripción quedó en el registro de traductores jurados");
  expect(await stateOf(page)).toBe("REGISTERED");
  // Registered: no longer his to act on, one filter away.
  await page.goto(`/atencion?q=${encodeURIComponent(caseNumber)}`);
  await expect(page.getByTestId("queue-row")).toHaveCount(0);
  await page.goto(`/atencion?estado=todos&q=${encodeURIComponent(caseNumber)}`);
  await expect(page.getByTestId("queue-row").locator("[data-state]")).toHaveAttribute("data-state", "REGISTERED");
  await signOut(page);

  // 5. The translator's page shows the registry entry.
  await signIn(page, TRANSLATOR.email, TRANSLATOR.password, /\/ciudadano$/);
  const entry = page.getByTestId("translator-entry");
  await expect(entry).toContainText("Usted está inscrita en el registro de traductores jurados");
  await expect(entry).toContainText(NUMBER);
  await expect(entry).toContainText("inglés, k'iche', catalán");
  await expect(entry).toContainText("Quetzaltenango");
  await expect(entry).toContainText("Acuerdo Ministerial 3050-2022");
  await expect(entry).toContainText("Activo");
  await expectNoAxeViolations(page);
  await signOut(page);

  // 6. Issue #14 §5: a citizen's account opens the same form with its own account (decision 0025),
  // instead of being sent to create a second one.
  await signIn(page, CITIZEN.email, CITIZEN.password, /\/ciudadano$/);
  await page.goto("/ciudadano/solicitudes/nueva/registro-traductor");
  await expect(page.getByTestId("same-account-note")).toContainText("Se presenta con esta misma cuenta");
  await expect(page.getByText("Este trámite se presenta con una cuenta de traductor jurado")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Complete su solicitud" })).toBeVisible();
});
