import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSwornTranslator } from "@/lib/registry/check-sworn-translator";
import { searchSwornTranslators } from "@/lib/registry/search-sworn-translators";
import { setSwornTranslatorActive } from "@/lib/registry/set-sworn-translator-active";
import { createRegistryWorld, type TRegistryWorld } from "./registry-world";

let w: TRegistryWorld;
beforeAll(async () => {
  w = await createRegistryWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

// The seed's registered translator: Ana Lucía Méndez Ruiz, TJ-GN-0042, Acuerdo Ministerial 2418-2019, inglés y francés.
const ANA = { agreementNumber: "Acuerdo Ministerial 2418-2019", language: "inglés", registrationNumber: "TJ-GN-0042", name: "Ana Lucía Méndez Ruiz" };

describe("checkSwornTranslator", () => {
  it("accepts the registered, active translator for an authorized language, however it is typed", async () => {
    const result = await checkSwornTranslator({ agreementNumber: "2418-2019", language: "Ingles", registrationNumber: " tj-gn-0042", name: "ana lucia mendez ruiz" }, w.options);
    expect(result).toMatchObject({ ok: true, translator: { name: "Ana Lucía Méndez Ruiz", languages: ["inglés", "francés"], dideduc: { name: "Guatemala Norte" }, active: true } });
  });

  it("refuses an unregistered translator", async () => {
    const result = await checkSwornTranslator({ ...ANA, registrationNumber: "TJ-GN-9999" }, w.options);
    expect(result).toEqual({ ok: false, code: "NOT_REGISTERED", field: "registrationNumber", message: expect.stringContaining("No hay ningún traductor jurado registrado con el número TJ-GN-9999") });
  });

  it("refuses a registered translator for a language the registry does not authorize", async () => {
    const result = await checkSwornTranslator({ ...ANA, language: "alemán" }, w.options);
    expect(result).toEqual({
      ok: false,
      code: "LANGUAGE_NOT_AUTHORIZED",
      field: "language",
      message: "Ana Lucía Méndez Ruiz no está autorizada para traducir alemán; el registro la autoriza para: inglés, francés.",
    });
  });

  it("refuses another person's name or agreement under that number", async () => {
    expect(await checkSwornTranslator({ ...ANA, name: "Pedro Pérez" }, w.options)).toMatchObject({ ok: false, code: "NAME_MISMATCH", field: "name" });
    expect(await checkSwornTranslator({ ...ANA, agreementNumber: "Acuerdo 1-2020" }, w.options)).toMatchObject({ ok: false, code: "AGREEMENT_MISMATCH", field: "agreementNumber" });
  });
});

describe("deactivation and search", () => {
  it("a deactivated translator is refused and hidden from citizens; reactivation restores it; each change is audited", async () => {
    const entry = await w.db.swornTranslator.findFirstOrThrow({ where: { dideducRegistrationNumber: "TJ-GN-0042" } });
    const citizen = await w.user("ciudadana");
    await expect(setSwornTranslatorActive({ actor: citizen, translatorId: entry.id, active: false, reason: "Prueba de permisos" }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setSwornTranslatorActive({ actor: w.admin, translatorId: entry.id, active: false, reason: "" }, w.options)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { reason: ["Escriba el motivo (al menos 5 caracteres)."] },
    });

    await setSwornTranslatorActive({ actor: w.admin, translatorId: entry.id, active: false, reason: "Suspensión notificada por la DIDEDUC", ip: "10.0.0.1" }, w.options);
    expect(await checkSwornTranslator(ANA, w.options)).toMatchObject({ ok: false, code: "INACTIVE", message: expect.stringContaining("no está activo") });
    expect((await searchSwornTranslators({ q: "Méndez" }, w.options)).rows).toEqual([]);
    expect((await searchSwornTranslators({ q: "Méndez", includeInactive: true }, w.options)).rows).toMatchObject([{ id: entry.id, active: false }]);
    await expect(setSwornTranslatorActive({ actor: w.admin, translatorId: entry.id, active: false, reason: "Otra vez lo mismo" }, w.options)).rejects.toMatchObject({ code: "NO_CHANGE" });

    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.deactivate_translator" } });
    expect(event).toMatchObject({ caseId: null, actorId: w.admin.id, role: "ADMIN", note: "Suspensión notificada por la DIDEDUC", ip: "10.0.0.1" });
    expect(event.data).toMatchObject({ translatorId: entry.id, active: false });

    await setSwornTranslatorActive({ actor: w.admin, translatorId: entry.id, active: true, reason: "Suspensión levantada" }, w.options);
    expect(await checkSwornTranslator(ANA, w.options)).toMatchObject({ ok: true });
    expect(await w.db.auditEvent.count({ where: { action: "admin.reactivate_translator", note: "Suspensión levantada" } })).toBe(1);
  });

  it("searches by name or registration number and by language, active only by default", async () => {
    expect((await searchSwornTranslators({ q: "tj-gn-0042" }, w.options)).rows.map((r) => r.name)).toEqual(["Ana Lucía Méndez Ruiz"]);
    expect((await searchSwornTranslators({ q: "ana lucía" }, w.options)).total).toBe(1);
    expect((await searchSwornTranslators({ q: "", language: "frances" }, w.options)).rows.map((r) => r.name)).toEqual(["Ana Lucía Méndez Ruiz"]);
    expect((await searchSwornTranslators({ q: "", language: "japonés" }, w.options)).total).toBe(0);
  });
});
