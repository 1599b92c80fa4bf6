import { afterAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";

// Every message a form shows is Spanish, also where a schema leaves the wording to zod (an
// oversized field of a forged request, a value of the wrong type): through createAction, the one
// way into every server action, with the real schemas of the app. Only modules that existed before
// the fix are imported, so this file also runs (and failed) against the code with zod's English.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "req-es-0001" }) }));
const staff: TSessionUser = { id: "u1", name: "Ana", email: "ana@example.test", roles: ["DIDEDUC_REVIEWER"], delegatedRoles: [], dideducId: "d1" };
vi.mock("@/lib/auth/get-actor", () => ({ getActor: async () => staff }));

// The unit files share one module graph (vitest `isolate: false`): createAction is evaluated again
// here, with these stand-ins, and the graph is dropped after, so no other file gets them.
vi.resetModules();
afterAll(() => {
  vi.doUnmock("next/headers");
  vi.doUnmock("@/lib/auth/get-actor");
  vi.resetModules();
});
const { createAction } = await import("@/lib/action");
const { ZCaseActionForm } = await import("@/components/staff/case-action-schemas");
const { ZSignIn } = await import("@/lib/auth/schemas");
const { ZStoreUploadInput } = await import("@/lib/uploads/store-upload");
const { ZCreateDraftCaseInput } = await import("@/lib/cases/create-draft-case");
const { ZRegisterAuthorizedSigner } = await import("@/lib/admin/register-authorized-signer");
const { ZSwitchToBefore2005Request } = await import("@/lib/cases/forms/diploma-from-2005-form");

const ENGLISH = /\b(Too (big|small)|Invalid|expected|received|Required|must|characters|Unrecognized)\b/;

async function messagesOf(schema: Parameters<typeof createAction>[0]["schema"], input: Record<string, unknown>): Promise<Record<string, string[]>> {
  const action = createAction({ schema, handler: async () => "ok" });
  const result = await action(null, input as never);
  expect(result.ok, "the input must be refused").toBe(false);
  const fieldErrors = result.ok ? {} : (result.fieldErrors ?? {});
  for (const message of Object.values(fieldErrors).flat()) expect(message).not.toMatch(ENGLISH);
  return fieldErrors;
}

describe("validation messages zod words itself come out in Spanish", () => {
  it("an oversized reason in a staff form", async () => {
    const errors = await messagesOf(ZCaseActionForm, { caseId: "c1", expectedVersion: "1", action: "reject_for_correction", reason: "x".repeat(10_001) });
    expect(errors).toEqual({ reason: ["No puede tener más de 10000 caracteres."] });
  });

  it("an oversized hidden field of the sign-in form", async () => {
    const errors = await messagesOf(ZSignIn, { email: "ana@example.test", password: "x", callbackUrl: `/${"a".repeat(2000)}` });
    expect(errors).toEqual({ callbackUrl: ["No puede tener más de 2000 caracteres."] });
  });

  it("the fields of an upload, of a new draft, of a signer and of the D.2.2 → D.2.1 switch", async () => {
    expect(await messagesOf(ZStoreUploadInput, { kind: "SCAN", originalName: "a.pdf", caseId: "c".repeat(65) })).toEqual({
      caseId: ["No puede tener más de 64 caracteres."],
    });
    expect(await messagesOf(ZCreateDraftCaseInput, { procedure: "EDUCATIONAL_RECORD", dideducId: "", formData: "texto" })).toEqual({
      dideducId: ["Este dato es obligatorio."],
      formData: ["Este dato no tiene el formato esperado."],
    });
    expect(await messagesOf(ZRegisterAuthorizedSigner, { office: "CENTRAL", post: "Director", fileName: "f".repeat(256), certificate: new Uint8Array(1) })).toEqual({
      fileName: ["No puede tener más de 255 caracteres."],
    });
    expect(await messagesOf(ZSwitchToBefore2005Request, { registrationNumber: "D-2015-1", student: { firstNames: "A".repeat(121), cui: 5 } })).toEqual({
      "student.firstNames": ["No puede tener más de 120 caracteres."],
      "student.cui": ["Este dato no tiene el formato esperado."],
    });
  });
});
