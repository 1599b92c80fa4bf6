import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "./helpers/test";
import { stateOf } from "./helpers/case-page";
import { E2E_PORT } from "./helpers/e2e-env";
import { expectNoOutboxMailAbout, expectOutboxMail } from "./helpers/outbox";
import { signIn, signOut } from "./helpers/sign-in";

// The ways a case goes back or ends that no other spec clicks through: the central office returns a
// signed D.1.1 certification to the DIDEDUC's technical review with a note (its return to the
// director's signature is in d11-flow.spec.ts), the DIDEDUC director rejects one definitively, the
// central assistant rejects a D.1.2 request with an unsigned archive record definitively (issue #12),
// rejects a D.3 request and the central manager a D.4 registration. Each by the role, through the real button, then what each side reads: the state,
// the note (the office it is for sees it; the applicant sees it only when it is meant for them)
// and the applicant's mail in the outbox when the procedure sends one. The cases are prepared
// through the domain (e2e/staff-fixtures.mts) with names unique to this run.

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const REVIEWER = { email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026" };
const SIGNER = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
const MANAGER = { email: "encargado.central@demo.certifica.gt", password: "Encargado2026" };

const RUN = randomBytes(3).toString("hex");
// Letters only for a person's name: the run's hex digits spelled as letters.
const RUN_LETTERS = [...RUN].map((c) => "abcdefghijklmnop"[parseInt(c, 16)]).join("");
const TRANSLATOR = {
  name: `Tomás Ixcoy ${RUN_LETTERS.replace(/^./, (x) => x.toUpperCase())}`,
  email: `tomas.ixcoy.${RUN}@example.com`,
  password: "Traduccion-2026",
  registrationNumber: `TJ-QZ-${RUN.toUpperCase()}`,
};

type TCreated = { id: string; number: string; state: string };
let returned: TCreated;
let rejected: TCreated;
let translation: TCreated;
let registration: TCreated;
let graduation: TCreated;

test.beforeAll(() => {
  test.skip(!process.env.TEST_DATABASE_URL, "Needs the PostgreSQL e2e database (TEST_DATABASE_URL) to prepare cases in another process.");
  const specs = [
    { lastNames: `Devuelta ${RUN}`, sign: true },
    { lastNames: `Rechazada ${RUN}`, generate: true },
    { procedure: "SWORN_TRANSLATION", holderName: `Julia Tepeu ${RUN_LETTERS}` },
    { procedure: "TRANSLATOR_REGISTRATION", ...TRANSLATOR },
    { procedure: "GRADUATION_RECORD", lastNames: `Sic ${RUN_LETTERS}` },
  ];
  const result = spawnSync(
    "npx",
    ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/staff-fixtures.mts", JSON.stringify({ cases: specs })],
    { encoding: "utf8", env: { ...process.env, APP_BASE_URL: `http://localhost:${E2E_PORT}` } },
  );
  if (result.status !== 0) throw new Error(`staff-fixtures falló: ${result.stderr}`);
  [returned, rejected, translation, registration, graduation] = JSON.parse(result.stdout) as TCreated[];
  expect([returned.state, rejected.state, translation.state, registration.state, graduation.state]).toEqual([
    "CENTRAL_REVIEW",
    "DIDEDUC_SIGNATURE",
    "CENTRAL_REVIEW",
    "MANAGER_REVIEW",
    "CENTRAL_REVIEW",
  ]);
});

// The form of a reason-taking action: its reason box, then its button (the transition's label).
async function decideWithReason(page: Page, label: string, reasonLabel: string, reason: string): Promise<void> {
  const form = page.getByRole("form", { name: label });
  await form.getByLabel(reasonLabel).fill(reason);
  await form.getByRole("button", { name: label }).click();
}

// Signed in as `who`, the case's page at `url`, standing in `state`.
async function openCaseAs(page: Page, who: { email: string; password: string }, url: string, state: string, home?: RegExp): Promise<void> {
  await signIn(page, who.email, who.password, home);
  await page.goto(url);
  expect(await stateOf(page)).toBe(state);
}

// The decision through its reason form: the page confirms it (`notice`), the case stands in `state`
// and nothing is left for the one who decided.
async function decideAndConfirm(page: Page, action: { label: string; reasonLabel: string; reason: string }, notice: string, state: string): Promise<void> {
  await decideWithReason(page, action.label, action.reasonLabel, action.reason);
  await expect(page.getByTestId("done-notice")).toContainText(notice);
  expect(await stateOf(page)).toBe(state);
  await expect(page.getByTestId("no-actions")).toBeVisible();
}

// What the applicant reads on a rejected request: its state, the next step and the reason.
async function expectRejectionRead(page: Page, caseId: string, nextStep: string, reason: string): Promise<void> {
  await page.goto(`/ciudadano/solicitudes/${caseId}`);
  expect(await stateOf(page)).toBe("REJECTED");
  await expect(page.getByTestId("next-step")).toHaveText(nextStep);
  await expect(page.getByRole("region", { name: "Motivo del rechazo" })).toContainText(reason);
}

test("Atención al Ciudadano devuelve la certificación a la DIDEDUC: la nota llega a la revisora, no a la persona, y no se le escribe", async ({ page }) => {
  const note = `El nombre del establecimiento no coincide con el libro de registro (${RUN}); corríjalo y genere de nuevo la certificación.`;

  await openCaseAs(page, ASSISTANT, `/atencion/casos/${returned.id}`, "CENTRAL_REVIEW", /\/atencion$/);
  await decideAndConfirm(
    page,
    { label: "Devolver a la revisión técnica de la Dirección Departamental", reasonLabel: "Nota: qué hay que corregir", reason: note },
    "devuelta con su nota",
    "DIDEDUC_REVIEW",
  );
  await signOut(page);

  // The DIDEDUC's reviewer has it back with the note, and can generate the certification again.
  await openCaseAs(page, REVIEWER, `/dideduc/casos/${returned.id}`, "DIDEDUC_REVIEW", /\/dideduc$/);
  await expect(page.getByTestId("last-note")).toContainText(note);
  const timeline = page.getByTestId("case-timeline");
  await expect(timeline).toContainText("Devuelta para corrección interna");
  await expect(timeline).toContainText(note);
  await expect(page.getByRole("button", { name: "Generar certificación y trasladar a firma" })).toBeVisible();
  await signOut(page);

  // The citizen reads who returned it and that she need do nothing; the note between offices is not hers.
  await openCaseAs(page, CITIZEN, `/ciudadano/solicitudes/${returned.id}`, "DIDEDUC_REVIEW");
  await expect(page.getByTestId("next-step")).toHaveText(
    "Atención al Ciudadano devolvió la certificación a la Dirección Departamental para una corrección. Usted no necesita hacer nada.",
  );
  await expect(page.getByTestId("case-timeline")).toContainText("Devuelta para corrección interna");
  await expect(page.locator("body")).not.toContainText(note);
  await signOut(page);

  // A return between offices is not the applicant's business: no mail about the case.
  await expectNoOutboxMailAbout(page, returned.number);
});

test("la Dirección rechaza definitivamente: la persona lee el motivo en su solicitud y en el correo", async ({ page }) => {
  const reason = `El expediente presentado no corresponde a ningún registro de la Dirección Departamental (${RUN}).`;

  await openCaseAs(page, SIGNER, `/direccion/casos/${rejected.id}`, "DIDEDUC_SIGNATURE", /\/direccion$/);
  await decideAndConfirm(page, { label: "Rechazar definitivamente", reasonLabel: "Motivo del rechazo definitivo", reason }, "rechazada de forma definitiva", "REJECTED");
  await expect(page.getByTestId("case-timeline")).toContainText("Rechazada definitivamente");
  await signOut(page);

  await signIn(page, CITIZEN.email, CITIZEN.password);
  await expectRejectionRead(page, rejected.id, "Su solicitud fue rechazada de forma definitiva por la Dirección Departamental de Educación. Lea el motivo indicado.", reason);
  // Definitive: nothing to start again from.
  await expect(page.getByRole("button", { name: "Iniciar una nueva solicitud a partir de esta" })).toHaveCount(0);
  await signOut(page);

  await expectOutboxMail(page, { to: CITIZEN.email, subject: `Su solicitud ${rejected.number} fue rechazada`, contains: [reason, "Esta solicitud quedó cerrada."] });
});

test("D.1.2: Atención al Ciudadano rechaza definitivamente un expediente sin la firma del Archivo; la persona lee el motivo y recibe el correo", async ({ page }) => {
  const reason = `El expediente adjunto no lleva la firma electrónica del Archivo documental: no es el que emite el Archivo (${RUN}).`;

  await openCaseAs(page, ASSISTANT, `/atencion/casos/${graduation.id}`, "CENTRAL_REVIEW", /\/atencion$/);
  // Beside the rejection for correction, with what it means.
  await expect(page.getByRole("button", { name: "Rechazar para corrección" })).toBeVisible();
  await expect(page.getByTestId("action-help-reject_definitively")).toContainText("alterado o falsificado");
  await decideAndConfirm(page, { label: "Rechazar definitivamente", reasonLabel: "Motivo del rechazo definitivo", reason }, "rechazada de forma definitiva", "REJECTED");
  await expect(page.getByTestId("case-timeline")).toContainText("Rechazada definitivamente");
  await signOut(page);

  await signIn(page, CITIZEN.email, CITIZEN.password);
  await expectRejectionRead(
    page,
    graduation.id,
    "Su solicitud fue rechazada de forma definitiva por Atención al Ciudadano del Ministerio de Educación. Lea el motivo indicado; esta solicitud no puede corregirse ni enviarse de nuevo.",
    reason,
  );
  await expect(page.getByRole("button", { name: "Iniciar una nueva solicitud a partir de esta" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Enviar correcciones" })).toHaveCount(0);
  await signOut(page);

  await expectOutboxMail(page, { to: CITIZEN.email, subject: `Su solicitud ${graduation.number} fue rechazada`, contains: [reason, "Esta solicitud quedó cerrada."] });
});

test("D.3: Atención al Ciudadano rechaza la traducción; la persona lee el motivo, recibe el correo y parte de los datos", async ({ page }) => {
  const reason = `La traducción adjunta no lleva el sello de la traductora jurada en cada hoja (${RUN}).`;

  await openCaseAs(page, ASSISTANT, `/atencion/casos/${translation.id}`, "CENTRAL_REVIEW", /\/atencion$/);
  await decideAndConfirm(page, { label: "Rechazar", reasonLabel: "Motivo del rechazo (requisito que falta o dato incorrecto)", reason }, "rechazada con su motivo", "REJECTED");
  await signOut(page);

  await signIn(page, CITIZEN.email, CITIZEN.password);
  await expectRejectionRead(
    page,
    translation.id,
    "Su solicitud fue rechazada. Lea el motivo, corrija lo indicado e inicie una nueva solicitud; puede partir de los datos de esta.",
    reason,
  );
  // The new request starts from this one's data.
  await page.getByRole("button", { name: "Iniciar una nueva solicitud a partir de esta" }).click();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+\?nueva=1$/, { timeout: 15_000 });
  await expect(page.getByLabel("Titular del documento")).toHaveValue(`Julia Tepeu ${RUN_LETTERS}`);
  await signOut(page);

  await expectOutboxMail(page, { to: CITIZEN.email, subject: `Su solicitud ${translation.number} fue rechazada`, contains: [reason] });
});

test("D.4: el encargado rechaza el registro; el traductor lee el requisito que falta, recibe el correo y puede solicitarlo de nuevo", async ({ page }) => {
  const reason = `La resolución adjunta no lleva el sello de registro de la Dirección Departamental de Quetzaltenango (${RUN}).`;

  await openCaseAs(page, MANAGER, `/atencion/casos/${registration.id}`, "MANAGER_REVIEW", /\/atencion$/);
  await decideAndConfirm(page, { label: "Rechazar registro", reasonLabel: "Motivo del rechazo (requisito que falta o dato incorrecto)", reason }, "rechazada con su motivo", "REJECTED");
  await signOut(page);

  await signIn(page, TRANSLATOR.email, TRANSLATOR.password, /\/ciudadano$/);
  const status = page.getByTestId("translator-registration-status");
  await expect(status).toContainText(registration.number);
  await expect(status.locator("[data-state]")).toHaveAttribute("data-state", "REJECTED");
  await expect(status).toContainText(`Requisito que falta: ${reason}`);
  await expect(page.getByRole("link", { name: "Solicitar mi registro" })).toBeVisible();
  await page.goto(`/ciudadano/solicitudes/${registration.id}`);
  await expect(page.getByTestId("next-step")).toHaveText(
    "Su solicitud de registro fue rechazada porque falta un requisito. Lea el motivo e inicie una nueva solicitud con lo indicado.",
  );
  await expect(page.getByRole("region", { name: "Motivo del rechazo" })).toContainText(reason);
  await signOut(page);

  await expectOutboxMail(page, { to: TRANSLATOR.email, subject: `Su solicitud ${registration.number} fue rechazada`, contains: [reason] });
});
