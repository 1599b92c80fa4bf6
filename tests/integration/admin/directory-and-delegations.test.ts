import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminDelegation } from "@/lib/admin/create-admin-delegation";
import { listDelegations } from "@/lib/admin/list-delegations";
import { listDideducDirectory } from "@/lib/admin/list-dideduc-directory";
import { removeSupervisionOffice } from "@/lib/admin/remove-supervision-office";
import { revokeAdminDelegation } from "@/lib/admin/revoke-admin-delegation";
import { saveSupervisionOffice } from "@/lib/admin/save-supervision-office";
import { updateDideduc } from "@/lib/admin/update-dideduc";
import { addCalendarDays, delegationRangeFromCalendarDates, guatemalaCalendarDate } from "@/lib/workflow/delegation-calendar";
import { createAdminWorld, type TAdminWorld } from "./admin-world";

let w: TAdminWorld;
beforeAll(async () => {
  w = await createAdminWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

describe("DIDEDUC directory", () => {
  it("lists the 26 DIDEDUCs; edits one (no longer a placeholder), audited; refuses bad fields and non-admins", async () => {
    const rows = await listDideducDirectory(w.options);
    expect(rows).toHaveLength(26);
    const xela = rows.find((d) => d.name === "Quetzaltenango")!;
    expect(xela.isPlaceholder).toBe(true);
    const reviewer = await w.user("revisora.quetzaltenango");
    const fields = { dideducId: xela.id, name: "Quetzaltenango", type: "A" as const, address: "12 Avenida 4-10, zona 1, Quetzaltenango", phone: "7761 2345", email: "DIDEDUC.Xela@Mineduc.gob.gt" };
    await expect(updateDideduc(reviewer, fields, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateDideduc(w.admin, { ...fields, phone: "123", email: "no", type: "D" as never }, w.options)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { phone: [expect.stringContaining("8 dígitos")], email: [expect.stringContaining("correo válido")], type: ["Elija el tipo A, B o C."] },
    });
    await expect(updateDideduc(w.admin, { ...fields, name: "Guatemala Norte" }, w.options)).rejects.toMatchObject({ fieldErrors: { name: [expect.stringContaining("otra Dirección")] } });
    await updateDideduc(w.admin, fields, w.options);
    expect(await w.db.dideduc.findUniqueOrThrow({ where: { id: xela.id } })).toMatchObject({ type: "A", phone: "7761-2345", email: "dideduc.xela@mineduc.gob.gt", isPlaceholder: false });
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.update_dideduc" } });
    expect(event).toMatchObject({ actorId: w.admin.id, role: "ADMIN", caseId: null });
    expect(event.data).toMatchObject({ dideducId: xela.id, changes: { phone: { to: "7761-2345" } } });
  });

  it("adds, edits and removes a supervision office; a removed one leaves the reviewer's list", async () => {
    const xela = await w.dideduc("Quetzaltenango");
    const { id } = await saveSupervisionOffice(w.admin, { dideducId: xela.id, name: "Supervisión Educativa de Olintepeque", phone: "7763-0000", address: "Olintepeque" }, w.options);
    await expect(saveSupervisionOffice(w.admin, { dideducId: xela.id, name: "", phone: "1", address: "" }, w.options)).rejects.toMatchObject({
      fieldErrors: { name: ["Escriba el nombre de la supervisión."], phone: [expect.any(String)], address: ["Escriba la dirección."] },
    });
    await saveSupervisionOffice(w.admin, { dideducId: xela.id, officeId: id, name: "Supervisión Educativa de Olintepeque", phone: "77630001", address: "Centro, Olintepeque" }, w.options);
    expect(await w.db.supervisionOffice.findUniqueOrThrow({ where: { id } })).toMatchObject({ phone: "7763-0001", address: "Centro, Olintepeque", active: true });
    await removeSupervisionOffice(w.admin, { officeId: id }, w.options);
    const directory = await listDideducDirectory(w.options);
    expect(directory.find((d) => d.id === xela.id)!.supervisions.some((s) => s.id === id)).toBe(false);
    await expect(removeSupervisionOffice(w.admin, { officeId: id }, w.options)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const actions = (await w.db.auditEvent.findMany({ where: { action: { in: ["admin.create_supervision", "admin.update_supervision", "admin.remove_supervision"] } }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["admin.create_supervision", "admin.update_supervision", "admin.remove_supervision"]);
  });
});

describe("delegations", () => {
  it("creates a delegation on the director's behalf through lib/workflow, audited twice; revokes it; refuses bad input and non-admins", async () => {
    const director = await w.user("firmante.quetzaltenango");
    const reviewer = await w.user("revisora.quetzaltenango");
    const now = new Date();
    // Calendar days, as the form's date inputs send them.
    const validFrom = guatemalaCalendarDate(now);
    const validTo = addCalendarDays(validFrom, 7);
    await expect(createAdminDelegation(reviewer, { grantorId: director.id, delegateId: reviewer.id, validFrom, validTo }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createAdminDelegation(w.admin, { grantorId: reviewer.id, delegateId: reviewer.id, validFrom, validTo }, w.options)).rejects.toMatchObject({
      fieldErrors: { grantorId: [expect.stringContaining("firmante activo")] },
    });
    const outsider = await w.user("revisora.guatemala-norte");
    await expect(createAdminDelegation(w.admin, { grantorId: director.id, delegateId: outsider.id, validFrom, validTo }, w.options)).rejects.toMatchObject({
      name: "DelegationError",
      fieldErrors: { delegateId: [expect.stringContaining("misma Dirección Departamental")] },
    });

    const { id } = await createAdminDelegation(w.admin, { grantorId: director.id, delegateId: reviewer.id, validFrom, validTo, note: "Vacaciones" }, w.options);
    expect(await w.db.delegation.findUniqueOrThrow({ where: { id } })).toMatchObject({ grantorId: director.id, delegateId: reviewer.id, role: "DIDEDUC_REVIEWER", revokedAt: null });
    expect(await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.create_delegation" } })).toMatchObject({ actorId: w.admin.id, role: "ADMIN", delegationId: id });
    expect(await w.db.auditEvent.count({ where: { action: "create_delegation", delegationId: id } })).toBe(1);
    expect((await listDelegations(w.options)).current.map((d) => d.id)).toContain(id);

    await expect(revokeAdminDelegation(reviewer, id, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await revokeAdminDelegation(w.admin, id, w.options);
    const lists = await listDelegations(w.options);
    expect(lists.current.map((d) => d.id)).not.toContain(id);
    expect(lists.past.find((d) => d.id === id)?.revokedAt).not.toBeNull();
    expect(await w.db.auditEvent.findFirstOrThrow({ where: { action: "revoke_delegation", delegationId: id } })).toMatchObject({ actorId: w.admin.id, role: "ADMIN" });
  });

  it("reads the form's days as the Director's form does (Guatemala calendar days, both ends included) and, unlike the Director, may backdate the first day", async () => {
    const director = await w.user("firmante.quetzaltenango");
    const staff = await w.user("revisora.quetzaltenango");
    const today = guatemalaCalendarDate(new Date());
    const from = addCalendarDays(today, -3);
    const to = addCalendarDays(today, 2);
    const { id } = await createAdminDelegation(w.admin, { grantorId: director.id, delegateId: staff.id, validFrom: from, validTo: to }, w.options);
    const stored = await w.db.delegation.findUniqueOrThrow({ where: { id } });
    expect({ validFrom: stored.validFrom, validTo: stored.validTo }).toEqual(delegationRangeFromCalendarDates(from, to));
    // The first day from its first instant, the last one to its last instant, in Guatemala (UTC−6).
    expect(stored.validFrom.toISOString()).toBe(`${from}T06:00:00.000Z`);
    expect(stored.validTo.toISOString()).toBe(`${addCalendarDays(to, 1)}T05:59:59.999Z`);
    await revokeAdminDelegation(w.admin, id, w.options);

    // Bad days are refused next to their field, and nothing is written.
    const before = await w.db.delegation.count();
    await expect(createAdminDelegation(w.admin, { grantorId: director.id, delegateId: staff.id, validFrom: "2026-02-30", validTo: "" }, w.options)).rejects.toMatchObject({
      fieldErrors: { validFrom: [expect.stringContaining("fecha válida")], validTo: [expect.stringContaining("hasta qué día")] },
    });
    await expect(createAdminDelegation(w.admin, { grantorId: director.id, delegateId: staff.id, validFrom: to, validTo: from }, w.options)).rejects.toMatchObject({
      fieldErrors: { validTo: [expect.stringContaining("anterior a la inicial")] },
    });
    expect(await w.db.delegation.count()).toBe(before);
  });
});
