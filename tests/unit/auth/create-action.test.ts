import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { TSessionUser } from "@/lib/auth/session-user";

// createAction runs inside a Next.js request: the request headers and the session lookup are
// replaced here by fixed values (no database is involved in these checks).
let currentActor: TSessionUser | null = null;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.5", "x-request-id": "req-test-0001" }),
}));
vi.mock("@/lib/auth/get-actor", () => ({ getActor: async () => currentActor }));

// The unit files share one module graph (vitest `isolate: false`): createAction is evaluated again
// here, with these stand-ins, and the graph is dropped after, so no other file gets them.
vi.resetModules();
afterAll(() => {
  vi.doUnmock("next/headers");
  vi.doUnmock("@/lib/auth/get-actor");
  vi.resetModules();
});
const { createAction, MESSAGES } = await import("@/lib/action");
const { DomainError } = await import("@/lib/errors");
const { redirect } = await import("next/navigation");

const citizen: TSessionUser = { id: "u1", name: "Ana", email: "ana@example.test", roles: ["CITIZEN"], delegatedRoles: [], dideducId: null };
const delegate: TSessionUser = { id: "u2", name: "Luis", email: "luis@example.test", roles: [], delegatedRoles: ["DIDEDUC_REVIEWER"], dideducId: "d1" };

const ZInput = z.object({ title: z.string().min(3, { error: "Muy corto." }), password: z.string().optional() });

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  fd.set("$ACTION_ID_abc", "");
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
}

beforeEach(() => {
  currentActor = citizen;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("createAction", () => {
  it("parses FormData with the schema and hands the handler the actor and request context", async () => {
    const handler = vi.fn(async (input: z.output<typeof ZInput>, ctx: { actor: TSessionUser; requestId: string; ip: string | null }) => ({
      echoed: input.title,
      by: ctx.actor.id,
      requestId: ctx.requestId,
      ip: ctx.ip,
    }));
    const action = createAction({ schema: ZInput, handler });
    expect(await action(null, form({ title: "Hola" }))).toEqual({
      ok: true,
      data: { echoed: "Hola", by: "u1", requestId: "req-test-0001", ip: "203.0.113.5" },
    });
  });

  it("accepts a plain object too", async () => {
    const action = createAction({ schema: ZInput, handler: async (i) => i.title.length });
    expect(await action(null, { title: "abcd" })).toEqual({ ok: true, data: 4 });
  });

  it("returns field errors and what was typed, without the password", async () => {
    const handler = vi.fn();
    const action = createAction({ schema: ZInput, handler });
    const r = await action(null, form({ title: "x", password: "Secreta2026" }));
    expect(r).toEqual({ ok: false, code: "INVALID_INPUT", formError: MESSAGES.invalid, fieldErrors: { title: ["Muy corto."] }, values: { title: "x" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses signed-out callers before validating, unless the action is public", async () => {
    currentActor = null;
    const handler = vi.fn(async () => "ok");
    expect(await createAction({ schema: ZInput, handler })(null, form({ title: "x" }))).toMatchObject({ ok: false, code: "UNAUTHENTICATED", formError: MESSAGES.signedOut });
    expect(handler).not.toHaveBeenCalled();
    expect(await createAction({ schema: ZInput, public: true, handler })(null, form({ title: "abc" }))).toEqual({ ok: true, data: "ok" });
  });

  it("checks roles (with delegation and implied roles) before anything else", async () => {
    const handler = vi.fn(async () => "done");
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const adminOnly = createAction({ schema: ZInput, roles: ["ADMIN"], handler });
    expect(await adminOnly(null, form({ title: "x" }))).toMatchObject({ ok: false, code: "FORBIDDEN", formError: MESSAGES.forbidden });
    expect(handler).not.toHaveBeenCalled();

    currentActor = delegate;
    expect(await createAction({ schema: ZInput, segment: "dideduc", handler })(null, form({ title: "abc" }))).toEqual({ ok: true, data: "done" });
    currentActor = { ...citizen, roles: ["CENTRAL_COORDINATOR"] };
    expect(await createAction({ schema: ZInput, roles: ["CENTRAL_ASSISTANT"], handler })(null, form({ title: "abc" }))).toEqual({ ok: true, data: "done" });
  });

  it("turns a DomainError into formError and field errors", async () => {
    const action = createAction({
      schema: ZInput,
      handler: async () => {
        throw new DomainError("DUPLICATE", "Ya existe.", { title: ["Ese título ya existe."] });
      },
    });
    expect(await action(null, form({ title: "abc" }))).toEqual({
      ok: false,
      code: "DUPLICATE",
      formError: "Ya existe.",
      fieldErrors: { title: ["Ese título ya existe."] },
      values: { title: "abc" },
    });
  });

  it("treats the workflow's TransitionError as a user-facing refusal", async () => {
    const { TransitionError } = await import("@/lib/workflow/transition-error");
    const action = createAction({ schema: ZInput, handler: async () => { throw new TransitionError("STALE_VERSION"); } });
    expect(await action(null, form({ title: "abc" }))).toMatchObject({ ok: false, code: "STALE_VERSION", formError: expect.stringMatching(/Recargue/) });
  });

  it("hides unexpected errors behind a generic Spanish message with the request id, and logs them", async () => {
    // lib/log.ts writes warn and error lines to stderr (through pino).
    const logged = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const action = createAction({ name: "test.crash", schema: ZInput, handler: async () => { throw new Error("connection refused at 10.0.0.3"); } });
    const r = await action(null, form({ title: "abc", password: "Secreta2026" }));
    expect(r).toMatchObject({ ok: false, code: "UNEXPECTED", requestId: "req-test-0001" });
    if (r.ok) return;
    expect(r.formError).toBe(MESSAGES.unexpected("req-test-0001"));
    expect(r.formError).not.toMatch(/10\.0\.0\.3/);
    const line = JSON.parse(String(logged.mock.calls.at(-1)?.[0]));
    expect(line).toMatchObject({ level: "error", requestId: "req-test-0001", action: "test.crash", actorId: "u1", error: { message: "connection refused at 10.0.0.3" } });
    expect(JSON.stringify(line)).not.toContain("Secreta2026");
  });

  it("lets redirect() through to Next.js", async () => {
    const action = createAction({ schema: ZInput, handler: async () => redirect("/ciudadano") });
    await expect(action(null, form({ title: "abc" }))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});
