import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffAccount, DUPLICATE_STAFF_EMAIL } from "@/lib/admin/create-staff-account";
import { listStaffAccounts } from "@/lib/admin/list-staff-accounts";
import { SELF_DEACTIVATION_MESSAGE, setStaffAccountActive } from "@/lib/admin/set-staff-account-active";
import { DIDEDUC_REQUIRED_MESSAGE } from "@/lib/admin/staff-account-fields";
import { OWN_ADMIN_ROLE_MESSAGE, updateStaffAccount } from "@/lib/admin/update-staff-account";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { verifyPassword } from "@/lib/auth/hash-password";
import { createAdminWorld, type TAdminWorld } from "./admin-world";

let w: TAdminWorld;
beforeAll(async () => {
  w = await createAdminWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

const PASSWORD = "Revisora2026xela";

describe("createStaffAccount", () => {
  it("creates a reviewer for a DIDEDUC with a hashed password and an audit event without the password; the person can sign in", async () => {
    const xela = await w.dideduc("Quetzaltenango");
    const { id } = await createStaffAccount(
      w.admin,
      { name: "  Marta   Lidia Ajú Tum ", email: "Marta.Aju@Mineduc.GT", cui: "2345 67899 0101", phone: "7765 1234", post: "Técnica", roles: ["DIDEDUC_REVIEWER"], dideducId: xela.id, password: PASSWORD },
      w.options,
    );
    const user = await w.db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ name: "Marta Lidia Ajú Tum", email: "marta.aju@mineduc.gt", cui: "2345678990101", phone: "7765-1234", post: "Técnica", roles: ["DIDEDUC_REVIEWER"], dideducId: xela.id, active: true });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);

    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.create_account" } });
    expect(event).toMatchObject({ caseId: null, actorId: w.admin.id, role: "ADMIN", ip: "10.1.2.3" });
    expect(event.data).toMatchObject({ userId: id, email: "marta.aju@mineduc.gt", roles: ["DIDEDUC_REVIEWER"], dideducId: xela.id });
    expect(JSON.stringify(event.data)).not.toContain(PASSWORD);
    expect(JSON.stringify(event.data)).not.toContain("argon2");

    const signIn = await authenticateCredentials({ email: "marta.aju@mineduc.gt", password: PASSWORD, ip: null }, { db: w.db });
    expect(signIn).toMatchObject({ ok: true, user: { id, roles: ["DIDEDUC_REVIEWER"], dideducId: xela.id } });
  });

  it("refuses a non-admin actor before looking at the input", async () => {
    const reviewer = await w.user("revisora.guatemala-norte");
    await expect(createStaffAccount(reviewer, { name: "Otra Persona", email: "otra@mineduc.gt", roles: ["ADMIN"], password: PASSWORD }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await w.db.user.count({ where: { email: "otra@mineduc.gt" } })).toBe(0);
  });

  it("refuses a DIDEDUC role without a DIDEDUC, a duplicate e-mail and a weak password at once, and a bad CUI", async () => {
    const error = await createStaffAccount(
      w.admin,
      { name: "Pedro Pablo Cux", email: "revisora.guatemala-norte@demo.certifica.gt", roles: ["DIDEDUC_SIGNER"], password: "corta" },
      w.options,
    ).catch((e) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(error.fieldErrors.dideducId).toEqual([DIDEDUC_REQUIRED_MESSAGE]);
    expect(error.fieldErrors.email).toEqual([DUPLICATE_STAFF_EMAIL]);
    expect(error.fieldErrors.password).toContain("La contraseña debe tener al menos 10 caracteres.");
    // The CUI is checked by the schema; the other errors arrive once it is valid.
    const cuiError = await createStaffAccount(w.admin, { name: "Pedro Pablo Cux", email: "pedro@mineduc.gt", cui: "1234", roles: ["ADMIN"], password: PASSWORD }, w.options).catch((e) => e);
    expect(cuiError.fieldErrors.cui[0]).toContain("13 dígitos");
  });

  it("never gives citizen or translator roles", async () => {
    const error = await createStaffAccount(w.admin, { name: "Pedro Pablo Cux", email: "pedro2@mineduc.gt", roles: ["CITIZEN"] as never, password: PASSWORD }, w.options).catch((e) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(error.fieldErrors["roles.0"][0]).toContain("no se asigna desde aquí");
    expect(await w.db.user.count({ where: { email: "pedro2@mineduc.gt" } })).toBe(0);
  });
});

describe("updateStaffAccount and setStaffAccountActive", () => {
  it("changes roles, DIDEDUC and post with the change in the audit trail; refuses a DIDEDUC role without DIDEDUC", async () => {
    const reviewer = await w.user("revisora.quetzaltenango");
    const norte = await w.dideduc("Guatemala Norte");
    await expect(updateStaffAccount(w.admin, { userId: reviewer.id, roles: ["DIDEDUC_REVIEWER"], dideducId: "" }, w.options)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { dideducId: [DIDEDUC_REQUIRED_MESSAGE] },
    });
    const result = await updateStaffAccount(w.admin, { userId: reviewer.id, roles: ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"], dideducId: norte.id, post: "Jefa" }, w.options);
    expect(result).toEqual({ id: reviewer.id, changed: true, sessionsEnded: true });
    // A new post alone changes no authority: the person's sessions go on.
    expect(await updateStaffAccount(w.admin, { userId: reviewer.id, roles: ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"], dideducId: norte.id, post: "Directora" }, w.options)).toEqual({
      id: reviewer.id,
      changed: true,
      sessionsEnded: false,
    });
    expect(await w.db.user.findUniqueOrThrow({ where: { id: reviewer.id } })).toMatchObject({ roles: ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"], dideducId: norte.id, post: "Directora" });
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.update_account" }, orderBy: { id: "asc" } });
    expect(event.data).toMatchObject({ userId: reviewer.id, changes: { dideducId: { to: norte.id }, post: { to: "Jefa" }, roles: { to: ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"] } } });
  });

  it("refuses that the administrator removes their own ADMIN role or deactivates themself", async () => {
    await expect(updateStaffAccount(w.admin, { userId: w.admin.id, roles: ["CENTRAL_MANAGER"] }, w.options)).rejects.toMatchObject({ fieldErrors: { roles: [OWN_ADMIN_ROLE_MESSAGE] } });
    await expect(setStaffAccountActive(w.admin, { userId: w.admin.id, active: false }, w.options)).rejects.toMatchObject({ code: "SELF_DEACTIVATION", message: SELF_DEACTIVATION_MESSAGE });
    expect(await w.db.user.findUniqueOrThrow({ where: { id: w.admin.id } })).toMatchObject({ active: true, roles: ["ADMIN"] });
  });

  it("a deactivated account cannot sign in; reactivated it can; each change audited; non-admins refused", async () => {
    const assistant = await w.user("asistente.central");
    await expect(setStaffAccountActive(assistant, { userId: assistant.id, active: false }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setStaffAccountActive(w.admin, { userId: assistant.id, active: false, reason: "Dejó el puesto" }, w.options);
    expect(await authenticateCredentials({ email: assistant.email, password: "Asistente2026", ip: null }, { db: w.db })).toMatchObject({ ok: false, reason: "INACTIVE" });
    await expect(setStaffAccountActive(w.admin, { userId: assistant.id, active: false }, w.options)).rejects.toMatchObject({ code: "NO_CHANGE" });
    await setStaffAccountActive(w.admin, { userId: assistant.id, active: true }, w.options);
    // Reactivated, the password is accepted again; as a central assistant the account then goes on
    // to its second factor (no session from the password alone).
    expect(await authenticateCredentials({ email: assistant.email, password: "Asistente2026", ip: null }, { db: w.db })).toMatchObject({ ok: false, reason: "SECOND_FACTOR_REQUIRED" });
    expect(await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.deactivate_account" } })).toMatchObject({ actorId: w.admin.id, role: "ADMIN", note: "Dejó el puesto", caseId: null });
    expect(await w.db.auditEvent.count({ where: { action: "admin.reactivate_account" } })).toBe(1);
  });

  it("lists staff only, by name or e-mail, role and DIDEDUC, paginated", async () => {
    const all = await listStaffAccounts({ pageSize: 100 }, w.options);
    expect(all.rows.some((r) => r.email === "ciudadana@demo.certifica.gt")).toBe(false);
    expect(all.rows.some((r) => r.email === "admin@demo.certifica.gt")).toBe(true);
    const xela = await w.dideduc("Quetzaltenango");
    const inXela = await listStaffAccounts({ dideducId: xela.id }, w.options);
    expect(inXela.rows.map((r) => r.email).sort()).toEqual(["firmante.quetzaltenango@demo.certifica.gt", "marta.aju@mineduc.gt"]);
    expect((await listStaffAccounts({ q: "COORDINADORA.central" }, w.options)).rows.map((r) => r.name)).toEqual(["Sofía Alejandra Barrios Ordóñez"]);
    expect((await listStaffAccounts({ role: "CENTRAL_MANAGER" }, w.options)).total).toBe(1);
    const paged = await listStaffAccounts({ pageSize: 2, page: 2 }, w.options);
    expect(paged.rows).toHaveLength(2);
    expect(paged.pageCount).toBe(Math.ceil(all.total / 2));
  });
});
