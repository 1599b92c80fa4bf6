import { expect, test } from "./helpers/test";
import { enterSecondFactorCode, signIn } from "./helpers/sign-in";

// Issue #2: every demo role lands on its own dashboard and is refused from the other segments.
// Passwords are the public demo ones (docs/demo-accounts.md).
type TRoleCase = { who: string; email: string; password: string; home: string; heading: string; roleText: RegExp };

const ROLES: TRoleCase[] = [
  { who: "ciudadana", email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026", home: "/ciudadano", heading: "Mis trámites", roleText: /Usuario/ },
  { who: "traductora", email: "traductora@demo.certifica.gt", password: "Traductora2026", home: "/ciudadano", heading: "Mis trámites", roleText: /Traductor/ },
  { who: "revisora", email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026", home: "/dideduc", heading: "Revisión departamental", roleText: /Departamento Técnico Pedagógico/ },
  { who: "firmante", email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026", home: "/direccion", heading: "Firma de la Dirección", roleText: /Dirección Departamental/ },
  { who: "asistente", email: "asistente.central@demo.certifica.gt", password: "Asistente2026", home: "/atencion", heading: "Atención al Ciudadano", roleText: /Asistente de Atención al Ciudadano/ },
  { who: "coordinadora", email: "coordinadora.central@demo.certifica.gt", password: "Coordina2026", home: "/atencion", heading: "Atención al Ciudadano", roleText: /Coordinador/ },
  { who: "encargado", email: "encargado.central@demo.certifica.gt", password: "Encargado2026", home: "/atencion", heading: "Atención al Ciudadano", roleText: /Encargado de Atención al Ciudadano/ },
  { who: "admin", email: "admin@demo.certifica.gt", password: "Administra2026", home: "/admin", heading: "Administración", roleText: /Administración/ },
  { who: "delegado (revisión por delegación)", email: "delegado.guatemala-norte@demo.certifica.gt", password: "DelegaNorte2026", home: "/dideduc", heading: "Revisión departamental", roleText: /delega/i },
];

const SEGMENTS = ["/ciudadano", "/dideduc", "/direccion", "/atencion", "/admin"];

for (const role of ROLES) {
  test(`${role.who}: entra a su panel y no a los demás`, async ({ page }) => {
    await signIn(page, role.email, role.password, new RegExp(`${role.home}$`));
    await expect(page.getByRole("heading", { level: 1, name: role.heading })).toBeVisible();
    await expect(page.getByTestId("signed-in-role")).toHaveText(role.roleText);
    // Every role reaches its own account page (password change) from the header.
    await expect(page.getByRole("link", { name: "Mi cuenta" })).toHaveAttribute("href", "/cuenta");

    for (const segment of SEGMENTS.filter((s) => s !== role.home)) {
      const response = await page.goto(segment);
      // The proxy sends people without the role to /no-autorizado; the page itself checks again.
      await expect(page, `${role.who} no debe entrar a ${segment}`).toHaveURL(/\/no-autorizado/);
      expect(response?.ok()).toBeTruthy();
      await expect(page.getByRole("heading", { level: 1, name: "No autorizado" })).toBeVisible();
    }
  });
}

test("sin sesión, cada panel pide ingresar y vuelve a él después", async ({ page }) => {
  for (const segment of SEGMENTS) {
    await page.goto(segment);
    await expect(page).toHaveURL(/\/ingresar/);
  }
  await page.goto("/direccion");
  await page.getByLabel("Correo electrónico").fill("firmante.guatemala-norte@demo.certifica.gt");
  await page.getByLabel("Contraseña", { exact: true }).fill("FirmaNorte2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  // A signer: the code step first, still going back to /direccion afterwards.
  await expect(page).toHaveURL(/\/ingresar\/verificacion\?callbackUrl=%2Fdireccion$/);
  await enterSecondFactorCode(page, "firmante.guatemala-norte@demo.certifica.gt");
  await expect(page).toHaveURL(/\/direccion$/);
});

test("las acciones del servidor comprueban el rol aunque se salte el proxy", async ({ page, request }) => {
  // A route handler under /api is outside the proxy's matcher: it must refuse on its own.
  const response = await request.post("/api/uploads", { data: Buffer.from("%PDF-1.4\n"), headers: { "content-type": "application/pdf" } });
  expect(response.status()).toBe(401);
  await signIn(page, "revisora.guatemala-norte@demo.certifica.gt", "RevisaNorte2026", /\/dideduc$/);
});
